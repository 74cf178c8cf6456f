using Sales.Application.Analysis;
using Sales.Application.Import;

namespace Sales.Application.Run;

/// <summary>What an import followed by the analyses did.</summary>
/// <param name="Import">The stored import.</param>
/// <param name="Analyses">The analysis run; null when the analyses did not have to run (nothing new stored, in <c>watch</c>).</param>
public sealed record ImportAndAnalyses(ImportResult Import, AnalysisRunSummary? Analyses);
