using MediatR;
using Sales.Application.Abstractions;
using Sales.Application.Progress;
using Sales.Domain.Limits;
using Sales.Domain.Parsing;
using Sales.Domain.Sheets;
using Sales.Domain.Text;

namespace Sales.Application.Import;

/// <summary>
/// Imports the client's sheets (each a local path or an http(s) URL; a null source is skipped) in
/// one transaction: products and stores are upserted, and only the sales lines whose identity is
/// not stored yet are added.
/// </summary>
/// <param name="ProductsSource">Path or URL of the products sheet.</param>
/// <param name="StoresSource">Path or URL of the stores sheet.</param>
/// <param name="SalesSource">Path or URL of the sales sheet.</param>
public sealed record ImportSheetsCommand(string? ProductsSource, string? StoresSource, string? SalesSource) : IRequest<ImportResult>
{
    /// <summary>Fail the whole import when any line is refused, instead of recording it.</summary>
    public bool Strict { get; init; }

    /// <summary>Order of slashed days, when the sales sheet cannot tell (<c>--date-format</c>).</summary>
    public DateOrder? DateOrder { get; init; }

    /// <summary>
    /// Log the import even when every source answered 304 Not Modified (the default). <c>watch</c>
    /// turns it off: an unchanged cycle every 30 s would add thousands of log rows a day that say
    /// nothing; such an import then writes nothing at all and its <see cref="ImportResult.ImportId"/> is null.
    /// </summary>
    public bool LogWhenUnchanged { get; init; } = true;
}

/// <summary>What an import did.</summary>
/// <param name="ImportId">Id in the import log; null when nothing was logged (every source unchanged and <see cref="ImportSheetsCommand.LogWhenUnchanged"/> off).</param>
/// <param name="Sheets">One summary per sheet, products, stores then sales.</param>
public sealed record ImportResult(long? ImportId, IReadOnlyList<SheetImportSummary> Sheets)
{
    /// <summary>Sales lines stored by this import.</summary>
    public int NewSales => Sheets.Where(s => s.Kind == SheetKind.Sales).Sum(s => s.New);
}

internal sealed class ImportSheetsHandler(ISheetReader reader, IImportStore store, TimeProvider clock, SaleDayPolicy dayPolicy, WorkProgress? progress = null)
    : IRequestHandler<ImportSheetsCommand, ImportResult>
{
    private readonly WorkProgress _progress = progress ?? new WorkProgress();

    public async Task<ImportResult> Handle(ImportSheetsCommand request, CancellationToken cancellationToken)
    {
        // The database is checked before anything is downloaded.
        _progress.Enter(WorkStage.OpeningDatabase, default);
        await store.PrepareAsync(cancellationToken).ConfigureAwait(false);
        var startedAt = clock.GetUtcNow();
        try
        {
            return await ImportAsync(request, startedAt, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure)
        {
            await RecordFailureAsync(startedAt, failure).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<ImportResult> ImportAsync(ImportSheetsCommand request, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        // Fetch and parse everything first: a broken download or a malformed file fails the
        // import before the transaction starts.
        using var productsSource = await FetchAsync(SheetKind.Products, request.ProductsSource, mayBeUnchanged: true, cancellationToken).ConfigureAwait(false);
        using var storesSource = await FetchAsync(SheetKind.Stores, request.StoresSource, mayBeUnchanged: true, cancellationToken).ConfigureAwait(false);

        // New products or stores may turn sales lines refused before as unknown into valid ones:
        // then the sales sheet is read again even if it did not change.
        var catalogueMayChange = productsSource?.Sheet is not null || storesSource?.Sheet is not null;
        using var salesSource = await FetchAsync(SheetKind.Sales, request.SalesSource, mayBeUnchanged: !catalogueMayChange, cancellationToken).ConfigureAwait(false);
        var asked = new[] { productsSource, storesSource, salesSource }.OfType<FetchedSource>().ToList();
        var unchanged = asked
            .Where(source => source.UnchangedVersion is not null)
            .Select(source => SheetImportSummary.OfUnchanged(source.Kind, source.Location, source.UnchangedVersion!))
            .ToList();
        if (!request.LogWhenUnchanged && asked.Count > 0 && unchanged.Count == asked.Count)
        {
            return new ImportResult(null, unchanged);
        }

        var products = productsSource?.Sheet;
        var stores = storesSource?.Sheet;
        var sales = salesSource?.Sheet;

        var productRows = products is null ? null : Read(products, KeyedSheets.Products());
        var storeRows = stores is null ? null : Read(stores, KeyedSheets.Stores());
        var saleRows = sales is null ? null : ReadSales(sales, request.DateOrder, dayPolicy.WindowAt(clock));

        if (request.Strict)
        {
            FailOnRejected(products, productRows?.Rejected);
            FailOnRejected(stores, storeRows?.Rejected);
            FailOnRejected(sales, saleRows?.Rejected);
        }

        _progress.Enter(WorkStage.OpeningDatabase, default);
        var session = await store.BeginAsync(startedAt, cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var summaries = new List<SheetImportSummary>();
            if (products is not null && productRows is not null)
            {
                _progress.Enter(WorkStage.Storing, SheetKind.Products);
                var counts = await session.UpsertProductsAsync(productRows.Rows, cancellationToken).ConfigureAwait(false);
                summaries.Add(Summarize(products, productRows.LinesRead, counts, productRows.RepeatedLines, productRows.Rejected));
            }

            if (stores is not null && storeRows is not null)
            {
                _progress.Enter(WorkStage.Storing, SheetKind.Stores);
                var counts = await session.UpsertStoresAsync(storeRows.Rows, cancellationToken).ConfigureAwait(false);
                summaries.Add(Summarize(stores, storeRows.LinesRead, counts, storeRows.RepeatedLines, storeRows.Rejected));
            }

            if (sales is not null && saleRows is not null)
            {
                summaries.Add(await StoreSalesAsync(session, sales, saleRows, request.Strict, cancellationToken).ConfigureAwait(false));
            }

            summaries.AddRange(unchanged);
            summaries.Sort((a, b) => a.Kind.CompareTo(b.Kind));
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

            await session.CommitAsync(clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return new ImportResult(session.ImportId, summaries);
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
        _progress.Enter(WorkStage.Fetching, kind);
        var known = mayBeUnchanged ? await store.GetKnownVersionAsync(kind, printable, cancellationToken).ConfigureAwait(false) : null;
        if (known is not { HasValidators: true })
        {
            return new FetchedSource(kind, printable, await reader.OpenAsync(kind, location, cancellationToken).ConfigureAwait(false), null);
        }

        var opening = await reader.OpenIfChangedAsync(kind, location, known, cancellationToken).ConfigureAwait(false);
        return opening.Sheet is { } sheet
            ? new FetchedSource(kind, printable, sheet, null)
            : new FetchedSource(kind, printable, null, known);
    }

    private async Task<SheetImportSummary> StoreSalesAsync(
        IImportSession session, IOpenedSheet sheet, SalesSheetResult rows, bool strict, CancellationToken cancellationToken)
    {
        // Known keys are read inside the transaction, after this import's own products and stores.
        var prices = await session.GetProductPricesAsync(cancellationToken).ConfigureAwait(false);
        var storeIds = await session.GetStoreIdsAsync(cancellationToken).ConfigureAwait(false);

        var orphans = new Dictionary<long, RowError>();
        foreach (var (lineNumber, identity) in rows.Lines)
        {
            var sale = identity.Content;
            if (!prices.ContainsKey(sale.ProductReference))
            {
                orphans.Add(lineNumber, new(SheetColumns.ProductReference.Header, $"unknown product '{sale.ProductReference}'"));
            }
            else if (!storeIds.Contains(sale.StoreId))
            {
                orphans.Add(lineNumber, new(SheetColumns.StoreId.Header, $"unknown store '{sale.StoreId}'"));
            }
        }

        // Streamed, not copied: a sheet has millions of lines, already in identity order.
        var priced = rows.Lines
            .Where(line => orphans.Count == 0 || !orphans.ContainsKey(line.LineNumber))
            .Select(line => new PricedSale(line.Identity, prices[line.Identity.Content.ProductReference]));
        var pricedCount = rows.Lines.Count - orphans.Count;

        var rejected = rows.Rejected;
        if (orphans.Count > 0)
        {
            rejected = [.. rejected.Concat(RawTextOf(sheet, orphans)).OrderBy(r => r.LineNumber)];
            if (strict)
            {
                FailOnRejected(sheet, rejected);
            }
        }

        var counts = await session.InsertNewSalesAsync(_progress.Counting(WorkStage.Storing, SheetKind.Sales, priced, pricedCount), cancellationToken).ConfigureAwait(false);
        return new SheetImportSummary(SheetKind.Sales, sheet.Location, sheet.ContentHash, rows.LinesRead,
            counts.Inserted, pricedCount - counts.Inserted, rejected.Count, 0, rejected)
        {
            StoredNotInSheet = counts.StoredNotInSheet,
        };
    }

    // Orphans are rare: their raw text is read back from the fetched file rather than kept for every line.
    private static List<RejectedLine> RawTextOf(IOpenedSheet sheet, Dictionary<long, RowError> errors)
    {
        var found = new List<RejectedLine>(errors.Count);
        foreach (var line in sheet.ReadLines())
        {
            if (errors.TryGetValue(line.LineNumber, out var error))
            {
                found.Add(new RejectedLine(line.LineNumber, line.RawText, error));
                if (found.Count == errors.Count)
                {
                    break;
                }
            }
        }

        return found;
    }

    private KeyedSheet<TKey, TEntity> Read<TKey, TEntity>(IOpenedSheet sheet, KeyedSheet<TKey, TEntity> rows)
        where TKey : notnull
        where TEntity : class
    {
        try
        {
            foreach (var line in _progress.Counting(WorkStage.Reading, sheet.Kind, sheet.ReadLines()))
            {
                rows.Add(line);
            }
        }
        catch (ConflictingRowException conflict)
        {
            throw new SheetSourceException(sheet.Location, conflict.Message, conflict.LineNumber, conflict.Column, conflict);
        }

        return rows;
    }

    private SalesSheetResult ReadSales(IOpenedSheet sheet, DateOrder? dateOrder, SaleDayWindow window)
    {
        var rows = new SalesSheet(window);
        foreach (var line in _progress.Counting(WorkStage.Reading, sheet.Kind, sheet.ReadLines()))
        {
            rows.Add(line);
        }

        _progress.Enter(WorkStage.Sorting, sheet.Kind);

        try
        {
            return rows.Complete(dateOrder);
        }
        catch (DateOrderException undecided)
        {
            throw new SheetSourceException(sheet.Location, undecided.Message, column: SheetColumns.Day.Header, inner: undecided);
        }
    }

    private static SheetImportSummary Summarize(IOpenedSheet sheet, int read, UpsertCounts counts, int repeated, IReadOnlyList<RejectedLine> rejected) =>
        new(sheet.Kind, sheet.Location, sheet.ContentHash, read, counts.Inserted, counts.Unchanged + repeated, rejected.Count, counts.Updated, rejected);

    private static void FailOnRejected(IOpenedSheet? sheet, IReadOnlyList<RejectedLine>? rejected)
    {
        if (sheet is null || rejected is null || rejected.Count == 0)
        {
            return;
        }

        var first = rejected[0];
        throw new SheetSourceException(sheet.Location,
            $"{first.Error.Reason} ({rejected.Count} line(s) refused and --strict is set: nothing was imported)",
            first.LineNumber, first.Error.Column);
    }

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

/// <summary>One source of an import (its redacted location): the sheet fetched from it, or the version it is unchanged from.</summary>
internal sealed class FetchedSource(SheetKind kind, string location, IOpenedSheet? sheet, SourceVersion? unchangedVersion) : IDisposable
{
    public SheetKind Kind => kind;

    public string Location => location;

    /// <summary>The fetched sheet, to import; null when unchanged.</summary>
    public IOpenedSheet? Sheet => sheet;

    /// <summary>The version already imported, when the source did not change.</summary>
    public SourceVersion? UnchangedVersion => unchangedVersion;

    /// <summary>The version to remember once imported.</summary>
    public SourceVersion? Version => sheet?.Version ?? unchangedVersion;

    public void Dispose() => sheet?.Dispose();
}
