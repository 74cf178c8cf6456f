namespace Sales.Application.Analysis;

/// <summary>The stored results of one run.</summary>
/// <param name="Run">The run.</param>
/// <param name="Tables">One table per analysis, in report order.</param>
public sealed record StoredResults(AnalysisRunInfo Run, IReadOnlyList<ResultTable> Tables);
