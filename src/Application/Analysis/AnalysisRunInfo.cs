namespace Sales.Application.Analysis;

/// <summary>One stored analysis run.</summary>
/// <param name="Id">Run id, carried by every result row.</param>
/// <param name="StartedAt">When the run started (UTC).</param>
/// <param name="FinishedAt">When its results were stored (UTC).</param>
/// <param name="LastImportId">The latest succeeded import the run saw; it covers every succeeded import up to it. Null when nothing was imported.</param>
/// <param name="ImportsCovered">How many succeeded imports the run covers.</param>
/// <param name="SalesLines">Sales lines stored when the run read them.</param>
public sealed record AnalysisRunInfo(long Id, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, long? LastImportId, int ImportsCovered, long SalesLines);
