namespace Sales.Infrastructure.Persistence;

/// <summary>One analysis: its name, its title and its SELECT.</summary>
internal sealed record AnalysisDefinition(string Name, string Title, string Sql)
{
    public string Table => "analysis_" + Name;
}
