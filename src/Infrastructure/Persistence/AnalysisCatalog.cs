namespace Sales.Infrastructure.Persistence;

/// <summary>
/// The analyses: every <c>Analyses/NN_name.sql</c> file embedded in this assembly is one analysis
/// named <c>name</c>, run in the order of its <c>NN</c> prefix, whose results go to table
/// <c>analysis_name</c>. The file's first comment line is its title.
/// </summary>
internal static class AnalysisCatalog
{
    private const string ResourcePrefix = "Sales.Infrastructure.Analyses.";

    public static IReadOnlyList<AnalysisDefinition> All { get; } = Load();

    private static List<AnalysisDefinition> Load()
    {
        var assembly = typeof(AnalysisCatalog).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(resource => resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) && resource.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(resource =>
            {
                using var stream = assembly.GetManifestResourceStream(resource)!;
                using var reader = new StreamReader(stream);
                return Parse(resource[ResourcePrefix.Length..^".sql".Length], reader.ReadToEnd());
            })
            .ToList();
    }

    /// <summary>Reads one analysis file named <paramref name="fileName"/> (without <c>.sql</c>).</summary>
    public static AnalysisDefinition Parse(string fileName, string sql)
    {
        var underscore = fileName.IndexOf('_', StringComparison.Ordinal);
        var name = underscore > 0 && fileName[..underscore].All(char.IsAsciiDigit) ? fileName[(underscore + 1)..] : fileName;
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            throw new InvalidOperationException($"analysis file '{fileName}.sql': the name must be lower-case letters, digits and underscores");
        }

        var title = sql.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.StartsWith("--", StringComparison.Ordinal))?[2..].Trim();
        return new AnalysisDefinition(name, title ?? name, sql.Trim().TrimEnd(';'));
    }
}
