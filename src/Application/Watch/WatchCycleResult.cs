using Sales.Application.Analysis;
using Sales.Application.Import;

namespace Sales.Application.Watch;

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
    public bool StoredSomethingNew => Import is not null && Import.StoredSomethingNew;
}
