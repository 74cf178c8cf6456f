namespace Sales.Application.Analysis;

/// <summary>One stored analysis run.</summary>
/// <param name="Id">Run id, carried by every result row.</param>
/// <param name="StartedAt">When the run started (UTC).</param>
/// <param name="FinishedAt">When its results were stored (UTC).</param>
/// <param name="LastImportId">The latest succeeded import the run saw; it covers every succeeded import up to it. Null when nothing was imported.</param>
/// <param name="ImportsCovered">How many succeeded imports the run covers.</param>
/// <param name="SalesLines">Sales lines stored when the run read them.</param>
public sealed record AnalysisRunInfo(long Id, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, long? LastImportId, int ImportsCovered, long SalesLines);

/// <summary>What one analyze did.</summary>
/// <param name="Run">The new run.</param>
/// <param name="Analyses">Each analysis with the number of result rows it stored, in report order.</param>
public sealed record AnalysisRunSummary(AnalysisRunInfo Run, IReadOnlyList<AnalysisRowCount> Analyses);

/// <summary>An analysis and how many result rows one run stored for it.</summary>
/// <param name="Name">Analysis name, e.g. <c>revenue_by_city</c>.</param>
/// <param name="Title">First line of the analysis file's leading comment.</param>
/// <param name="Rows">Result rows stored.</param>
public sealed record AnalysisRowCount(string Name, string Title, int Rows);

/// <summary>The stored results of one run.</summary>
/// <param name="Run">The run.</param>
/// <param name="Tables">One table per analysis, in report order.</param>
public sealed record StoredResults(AnalysisRunInfo Run, IReadOnlyList<ResultTable> Tables);

/// <summary>One analysis's result table.</summary>
/// <param name="Name">Analysis name.</param>
/// <param name="Title">What the analysis shows, in a sentence.</param>
/// <param name="Columns">Column names, in order.</param>
/// <param name="Rows">Rows in the order the analysis produced them; values are <see cref="long"/>, <see cref="decimal"/>, <see cref="string"/> or null.</param>
public sealed record ResultTable(string Name, string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);
