using MediatR;
using Sales.Application.Abstractions;
using Sales.Application.Analysis;

namespace Sales.Application.Import;

/// <summary>
/// One cycle of <c>watch</c>: the import (each source asked with a conditional request, only new
/// lines stored, in one transaction), then the analyses only if it stored something new. A failed
/// cycle is reported, not thrown, so the watch goes on; a stop request interrupts the cycle and
/// is reported too, the import's transaction then being rolled back.
/// </summary>
/// <param name="Import">The import each cycle runs.</param>
public sealed record WatchCycleCommand(ImportSheetsCommand Import) : IRequest<WatchCycleResult>
{
    /// <summary>Run the analyses even if nothing new is stored: an earlier cycle stored data but its analyses failed.</summary>
    public bool AnalysesPending { get; init; }
}

/// <summary>What one watch cycle did.</summary>
/// <param name="StartedAt">When the cycle started (UTC).</param>
/// <param name="Duration">How long it took.</param>
public sealed record WatchCycleResult(DateTimeOffset StartedAt, TimeSpan Duration)
{
    /// <summary>The import, when it succeeded (null when it failed or was interrupted).</summary>
    public ImportResult? Import { get; init; }

    /// <summary>The analysis run, when the analyses ran and succeeded.</summary>
    public AnalysisRunSummary? Analyses { get; init; }

    /// <summary>Why the cycle failed; null when it succeeded.</summary>
    public WatchCycleFailure? Failure { get; init; }

    /// <summary>A stop was requested during the cycle: whatever had not been committed was rolled back.</summary>
    public bool Interrupted { get; init; }

    /// <summary>Whether the cycle did all it had to.</summary>
    public bool Succeeded => Failure is null && !Interrupted;

    /// <summary>Every source was the version already imported: nothing was downloaded nor read again.</summary>
    public bool Unchanged => Import is not null && Import.Sheets.All(s => s.Unchanged);

    /// <summary>Sales lines this cycle stored.</summary>
    public int NewSales => Import?.NewSales ?? 0;

    /// <summary>Whether the import stored a new row or changed one, i.e. the analyses' input changed.</summary>
    public bool StoredSomethingNew => Import is not null && StoredSomethingNewIn(Import);

    internal static bool StoredSomethingNewIn(ImportResult import) => import.Sheets.Any(s => s.New > 0 || s.Updated > 0);
}

/// <summary>Why a watch cycle failed.</summary>
/// <param name="Message">The error, one line, naming the file or URL at fault where known.</param>
/// <param name="DuringAnalyses">The import was stored; the analyses failed.</param>
/// <param name="DatabaseUnavailable">The database could not be created, opened or written (a configuration error at startup).</param>
public sealed record WatchCycleFailure(string Message, bool DuringAnalyses, bool DatabaseUnavailable)
{
    /// <summary>The error, bounded (it is printed on every cycle line).</summary>
    public string Message { get; init; } = Domain.Limits.BoundedText.Cut(Message);
}

internal sealed class WatchCycleHandler(IMediator mediator, TimeProvider clock) : IRequestHandler<WatchCycleCommand, WatchCycleResult>
{
    public async Task<WatchCycleResult> Handle(WatchCycleCommand request, CancellationToken cancellationToken)
    {
        var startedAt = clock.GetUtcNow();
        ImportResult? import = null;
        try
        {
            import = await mediator.Send(request.Import, cancellationToken).ConfigureAwait(false);
            AnalysisRunSummary? analyses = null;
            if (request.AnalysesPending || WatchCycleResult.StoredSomethingNewIn(import))
            {
                analyses = await mediator.Send(new RunAnalysesCommand(), cancellationToken).ConfigureAwait(false);
            }

            return Finished(startedAt) with { Import = import, Analyses = analyses };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Finished(startedAt) with { Import = import, Interrupted = true };
        }
#pragma warning disable CA1031 // A watch outlives any one failure: every error of a cycle is reported and the next cycle runs.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            return Finished(startedAt) with
            {
                Import = import,
                Failure = new WatchCycleFailure(Describe(failure), DuringAnalyses: import is not null, failure is StoreUnavailableException),
            };
        }
    }

    private WatchCycleResult Finished(DateTimeOffset startedAt) => new(startedAt, clock.GetUtcNow() - startedAt);

    // The message only, never the exception's type: the line is for the user, not a stack trace.
    private static string Describe(Exception failure) => failure.Message.Split('\n')[0].Trim();
}
