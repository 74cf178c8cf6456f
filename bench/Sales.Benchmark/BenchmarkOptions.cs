namespace Sales.Benchmark;

/// <summary>What one benchmark run measures, as parsed by <see cref="BenchmarkCommand"/>.</summary>
internal sealed record BenchmarkOptions(
    long Lines, long GrowLines, long LargeLines, IReadOnlyList<string> Scenarios, string Output, string WorkDirectory, string Host, string? Postgres = null, int Repeat = 1)
{
    public static readonly string[] AllScenarios = ["first", "again", "grown", "analyze", "large", "pg-first", "pg-again", "pg-grown"];

    public bool Runs(string scenario) => Scenarios.Contains(scenario);

    /// <summary>
    /// The scenarios to run, in their fixed order, with the ones they start from: again, grown and
    /// analyze need the database first leaves, pg-again and pg-grown the one pg-first leaves.
    /// </summary>
    public static IReadOnlyList<string> WithPrerequisites(IReadOnlyList<string> chosen, bool hasPostgres)
    {
        var scenarios = chosen.Count == 0
            ? [.. AllScenarios.Where(s => hasPostgres || !s.StartsWith("pg-", StringComparison.Ordinal))]
            : chosen.ToList();
        if (scenarios.Any(s => s is "again" or "grown" or "analyze"))
        {
            scenarios.Add("first");
        }

        if (scenarios.Any(s => s is "pg-again" or "pg-grown"))
        {
            scenarios.Add("pg-first");
        }

        return [.. AllScenarios.Where(scenarios.Contains)];
    }
}
