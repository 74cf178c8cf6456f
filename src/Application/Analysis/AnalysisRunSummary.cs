namespace Sales.Application.Analysis;

/// <summary>What one analyze did.</summary>
/// <param name="Run">The new run.</param>
/// <param name="Analyses">Each analysis with the number of result rows it stored, in report order.</param>
public sealed record AnalysisRunSummary(AnalysisRunInfo Run, IReadOnlyList<AnalysisRowCount> Analyses);
