namespace Sales.Infrastructure.Persistence;

/// <summary>One summary: the name of its temporary table and its SELECT.</summary>
internal sealed record AnalysisSummary(string Name, string Sql);
