using Sales.Infrastructure.Persistence;

namespace Sales.Infrastructure.Postgres;

/// <summary>
/// The analyses as PostgreSQL runs them: every analysis of <see cref="AnalysisCatalog"/>, with the
/// text of <c>Postgres/Analyses/NN_name.sql</c> instead where that file exists (the analyses whose
/// dialect differs: day arithmetic, series of days). Same names, order, titles and tables.
/// </summary>
internal static class PostgresAnalysisCatalog
{
    private const string ResourcePrefix = "Sales.Infrastructure.Postgres.Analyses.";

    public static IReadOnlyList<AnalysisDefinition> All { get; } = Load();

    private static List<AnalysisDefinition> Load()
    {
        var assembly = typeof(PostgresAnalysisCatalog).Assembly;
        var own = assembly.GetManifestResourceNames()
            .Where(resource => resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) && resource.EndsWith(".sql", StringComparison.Ordinal))
            .Select(resource =>
            {
                using var stream = assembly.GetManifestResourceStream(resource)!;
                using var reader = new StreamReader(stream);
                return AnalysisCatalog.Parse(resource[ResourcePrefix.Length..^".sql".Length], reader.ReadToEnd());
            })
            .ToDictionary(analysis => analysis.Name, StringComparer.Ordinal);
        var unknown = own.Keys.Where(name => AnalysisCatalog.All.All(shared => shared.Name != name)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"Postgres/Analyses has no shared analysis named {string.Join(", ", unknown)}: add Analyses/NN_name.sql too");
        }

        return AnalysisCatalog.All.Select(shared => own.GetValueOrDefault(shared.Name, shared)).ToList();
    }
}
