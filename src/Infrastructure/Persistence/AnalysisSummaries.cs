using Dapper;
using Microsoft.Data.Sqlite;

namespace Sales.Infrastructure.Persistence;

/// <summary>
/// The sums the analyses share, built once per run: every <c>Analyses/Summaries/name.sql</c>
/// embedded in this assembly is a SELECT over the sales table whose rows become the temporary
/// table <c>name</c> of the run's connection, inside the run's transaction (so it sums exactly the
/// sales the analyses see). The analyses read these few hundred or thousand rows instead of summing
/// a million sales lines again each: two passes over the table per run instead of one or two per analysis.
/// </summary>
internal static class AnalysisSummaries
{
    // Not under "Sales.Infrastructure.Analyses.": a summary is not an analysis and has no result table.
    private const string ResourcePrefix = "Sales.Infrastructure.Summaries.";

    public static IReadOnlyList<AnalysisSummary> All { get; } = Load();

    /// <summary>Builds every summary as a temporary table of <paramref name="connection"/>.</summary>
    public static async Task CreateAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var summary in All)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"CREATE TEMP TABLE {summary.Name} AS {summary.Sql}", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>Drops what <see cref="CreateAsync"/> built, so that the connection is left as it was found.</summary>
    public static async Task DropAsync(SqliteConnection connection, SqliteTransaction transaction)
    {
        foreach (var summary in All)
        {
            await connection.ExecuteAsync($"DROP TABLE temp.{summary.Name}", transaction: transaction).ConfigureAwait(false);
        }
    }

    private static List<AnalysisSummary> Load()
    {
        var assembly = typeof(AnalysisSummaries).Assembly;
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

    /// <summary>Reads one summary file named <paramref name="fileName"/> (without <c>.sql</c>).</summary>
    public static AnalysisSummary Parse(string fileName, string sql)
    {
        if (fileName.Length == 0 || !fileName.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            throw new InvalidOperationException($"summary file '{fileName}.sql': the name must be lower-case letters, digits and underscores");
        }

        return new AnalysisSummary(fileName, sql.Trim().TrimEnd(';'));
    }
}
