using Sales.Application.Abstractions;
using Sales.Application.Progress;
using Sales.Domain.Limits;
using Sales.Domain.Parsing;
using Sales.Domain.Sheets;
using Sales.Domain.Text;

namespace Sales.Application.Import;

/// <summary>
/// The import use case: checks the database, fetches and parses every sheet, then stores them in
/// one transaction and logs the import (a failed import is logged too). Shared by the
/// <c>import</c> command and by <see cref="Run.ImportThenAnalyze"/>, so that handlers never call
/// one another.
/// </summary>
internal sealed class SheetsImporter(ISheetReader reader, IStoreSchema schema, IImportStore store, TimeProvider clock, SaleDayPolicy dayPolicy, WorkProgress progress)
    : ISheetsImporter
{
    public async Task<ImportResult> ImportAsync(ImportSheetsCommand request, CancellationToken cancellationToken)
    {
        // The database is checked before anything is downloaded.
        progress.Enter(WorkStage.OpeningDatabase, default);
        await schema.PrepareAsync(cancellationToken).ConfigureAwait(false);
        var startedAt = clock.GetUtcNow();
        try
        {
            return await FetchParseAndStoreAsync(request, startedAt, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure)
        {
            await RecordFailureAsync(startedAt, failure).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<ImportResult> FetchParseAndStoreAsync(ImportSheetsCommand request, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        // Fetch and parse everything first: a broken download or a malformed file fails the
        // import before the transaction starts.
        using var sources = await FetchAllAsync(request, cancellationToken).ConfigureAwait(false);
        var unchanged = sources.UnchangedSummaries();
        if (!request.LogWhenUnchanged && sources.Asked.Count > 0 && unchanged.Count == sources.Asked.Count)
        {
            return new ImportResult(null, unchanged);
        }

        // The stored sales are read on another core while the sheets are parsed (decision 0046).
        var readAhead = sources.Sales?.Sheet is null ? null : store.ReadStoredSalesAhead(cancellationToken);
        try
        {
            var parsed = Parse(sources, request);
            progress.Enter(WorkStage.OpeningDatabase, default);
            var session = await store.BeginAsync(startedAt, readAhead, cancellationToken).ConfigureAwait(false);
            return await StoreAndCommitAsync(session, sources, parsed, request.Strict, unchanged, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (readAhead is not null)
            {
                await readAhead.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<ImportResult> StoreAndCommitAsync(
        IImportSession session, FetchedSources sources, ParsedSheets parsed, bool strict, List<SheetImportSummary> unchanged, CancellationToken cancellationToken)
    {
        await using (session.ConfigureAwait(false))
        {
            var summaries = await StoreAsync(session, sources, parsed, strict, cancellationToken).ConfigureAwait(false);
            summaries.AddRange(unchanged);
            summaries.Sort((a, b) => a.Kind.CompareTo(b.Kind));
            await RecordAsync(session, summaries, sources.Asked, cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return new ImportResult(session.ImportId, summaries);
        }
    }

    private async Task<FetchedSources> FetchAllAsync(ImportSheetsCommand request, CancellationToken cancellationToken)
    {
        var sources = new FetchedSources();
        try
        {
            sources.Products = await FetchAsync(SheetKind.Products, request.ProductsSource, mayBeUnchanged: true, cancellationToken).ConfigureAwait(false);
            sources.Stores = await FetchAsync(SheetKind.Stores, request.StoresSource, mayBeUnchanged: true, cancellationToken).ConfigureAwait(false);

            // New products or stores may turn sales lines refused before as unknown into valid ones:
            // then the sales sheet is read again even if it did not change.
            var catalogueMayChange = sources.Products?.Sheet is not null || sources.Stores?.Sheet is not null;
            sources.Sales = await FetchAsync(SheetKind.Sales, request.SalesSource, mayBeUnchanged: !catalogueMayChange, cancellationToken).ConfigureAwait(false);
            return sources;
        }
        catch
        {
            sources.Dispose();
            throw;
        }
    }

    private ParsedSheets Parse(FetchedSources sources, ImportSheetsCommand request)
    {
        var products = sources.Products?.Sheet;
        var stores = sources.Stores?.Sheet;
        var sales = sources.Sales?.Sheet;
        var parsed = new ParsedSheets(
            products is null ? null : SheetReading.Read(products, KeyedSheets.Products(), progress),
            stores is null ? null : SheetReading.Read(stores, KeyedSheets.Stores(), progress),
            sales is null ? null : SheetReading.ReadSales(sales, request.DateOrder, dayPolicy.WindowAt(clock), progress));
        if (request.Strict)
        {
            SheetReading.FailOnRejected(products, parsed.Products?.Rejected);
            SheetReading.FailOnRejected(stores, parsed.Stores?.Rejected);
            SheetReading.FailOnRejected(sales, parsed.Sales?.Rejected);
        }

        return parsed;
    }

    private async Task<List<SheetImportSummary>> StoreAsync(
        IImportSession session, FetchedSources sources, ParsedSheets parsed, bool strict, CancellationToken cancellationToken)
    {
        var summaries = new List<SheetImportSummary>();
        if (sources.Products?.Sheet is { } products && parsed.Products is { } productRows)
        {
            progress.Enter(WorkStage.Storing, SheetKind.Products);
            var counts = await session.UpsertProductsAsync(productRows.Rows, cancellationToken).ConfigureAwait(false);
            summaries.Add(Summarize(products, productRows.LinesRead, counts, productRows.RepeatedLines, productRows.Rejected));
        }

        if (sources.Stores?.Sheet is { } stores && parsed.Stores is { } storeRows)
        {
            progress.Enter(WorkStage.Storing, SheetKind.Stores);
            var counts = await session.UpsertStoresAsync(storeRows.Rows, cancellationToken).ConfigureAwait(false);
            summaries.Add(Summarize(stores, storeRows.LinesRead, counts, storeRows.RepeatedLines, storeRows.Rejected));
        }

        if (sources.Sales?.Sheet is { } sales && parsed.Sales is { } saleRows)
        {
            summaries.Add(await SalesStoring.StoreAsync(session, sales, saleRows, strict, progress, cancellationToken).ConfigureAwait(false));
        }

        return summaries;
    }

    // The import log, the refused lines and the versions to ask about next time, in the import's transaction.
    private static async Task RecordAsync(
        IImportSession session, List<SheetImportSummary> summaries, IReadOnlyList<FetchedSource> asked, CancellationToken cancellationToken)
    {
        foreach (var summary in summaries)
        {
            await session.RecordRejectedAsync(summary.Kind, summary.Source, summary.RejectedLines, cancellationToken).ConfigureAwait(false);
            await session.RecordSheetAsync(summary, cancellationToken).ConfigureAwait(false);
        }

        foreach (var source in asked)
        {
            if (source.Version is { } version)
            {
                await session.RecordVersionAsync(source.Kind, source.Location, version, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Fetches a source, unless its server answers 304 Not Modified to a request conditional on the
    /// version last imported. Skipping it keeps the dedup rule intact: the same content can only
    /// yield lines already stored or refused the same way. Any other answer, and a local file, is
    /// read in full, so a re-import still shows its lines counted as duplicates.
    /// </summary>
    private async Task<FetchedSource?> FetchAsync(SheetKind kind, string? location, bool mayBeUnchanged, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(location))
        {
            return null;
        }

        // Only the reader sees the source as given; what is stored, looked up and shown is redacted.
        // Two sources differing only by a secret share their validators: a 304 still comes from the
        // server asked, and a rotated token does not force a download.
        var printable = SourceRedaction.Redact(location);
        progress.Enter(WorkStage.Fetching, kind);
        var known = mayBeUnchanged ? await store.GetKnownVersionAsync(kind, printable, cancellationToken).ConfigureAwait(false) : null;

        // A version without validators cannot be asked about: the source is then read in full.
        var askable = known is { HasValidators: true } ? known : null;
        var opening = await reader.OpenAsync(kind, location, askable, cancellationToken).ConfigureAwait(false);
        return opening.Sheet is { } sheet
            ? new FetchedSource(kind, printable, sheet, null)
            : new FetchedSource(kind, printable, null, known);
    }

    private static SheetImportSummary Summarize(IOpenedSheet sheet, int read, UpsertCounts counts, int repeated, IReadOnlyList<RejectedLine> rejected) =>
        new(sheet.Kind, sheet.Location, sheet.ContentHash, read, counts.Inserted, counts.Unchanged + repeated, rejected.Count, counts.Updated, rejected);

    private async Task RecordFailureAsync(DateTimeOffset startedAt, Exception failure)
    {
        try
        {
            // A stopped import is logged only if the database is free at once: the user asked to stop now,
            // and may have stopped it because another writer held the lock.
            var cancelled = failure is OperationCanceledException;
            using var patience = new CancellationTokenSource();
            if (cancelled)
            {
                patience.Cancel();
            }

            var message = cancelled ? "cancelled" : BoundedText.Cut(SourceRedaction.RedactUrlsIn(failure.Message));
            await store.RecordFailureAsync(startedAt, clock.GetUtcNow(), message, patience.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The import's own error is what the user must see; logging it is best effort.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
