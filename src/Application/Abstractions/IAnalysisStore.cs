using Sales.Application.Analysis;

namespace Sales.Application.Abstractions;

/// <summary>The database the analyses run on and store their results in.</summary>
internal interface IAnalysisStore
{
    /// <summary>
    /// Runs every analysis on one consistent view of the data and stores their results under a new
    /// run, all in one transaction: either the whole run is stored or nothing is.
    /// </summary>
    Task<AnalysisRunSummary> RunAllAsync(DateTimeOffset startedAt, CancellationToken cancellationToken);

    /// <summary>The results of the latest run, as stored (cents and hundredths still integers); null before any run.</summary>
    /// <exception cref="StoreUnavailableException">The database does not exist.</exception>
    Task<StoredResults?> GetLatestAsync(CancellationToken cancellationToken);
}
