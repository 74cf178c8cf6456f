namespace Sales.Application.Analysis;

/// <summary>The analysis use case, as the commands that analyze (<c>analyze</c>, <c>run</c>, <c>watch</c>) see it.</summary>
internal interface IAnalysesRunner
{
    /// <summary>Runs every analysis as one stored run.</summary>
    Task<AnalysisRunSummary> RunAsync(CancellationToken cancellationToken);
}
