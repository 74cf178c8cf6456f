namespace Sales.Application.Analysis;

/// <summary>An analysis and how many result rows one run stored for it.</summary>
/// <param name="Name">Analysis name, e.g. <c>revenue_by_city</c>.</param>
/// <param name="Title">First line of the analysis file's leading comment.</param>
/// <param name="Rows">Result rows stored.</param>
public sealed record AnalysisRowCount(string Name, string Title, int Rows);
