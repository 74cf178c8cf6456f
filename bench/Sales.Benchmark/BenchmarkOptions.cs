using System.Globalization;

namespace Sales.Benchmark;

/// <summary>The command line of the benchmark.</summary>
internal sealed record BenchmarkOptions(
    long Lines, long GrowLines, long LargeLines, IReadOnlyList<string> Scenarios, string Output, string WorkDirectory, string Host, string? Postgres = null)
{
    public static readonly string[] AllScenarios = ["first", "again", "grown", "analyze", "large", "pg-first", "pg-again", "pg-grown"];

    public const string Usage = """
        usage: dotnet run -c Release --project bench/Sales.Benchmark -- [options]
          --lines N          lines of the sales file of first/again/grown (default 1000000)
          --grow N           lines appended for grown (default lines/100)
          --large-lines N    lines of the large scenario (default 10 x lines)
          --scenarios LIST   comma-separated among first,again,grown,analyze,large,pg-first,pg-again,pg-grown
                             (default all; pg-* only with --postgres); again, grown and analyze run
                             first before them, pg-again and pg-grown run pg-first
          --postgres URI     PostgreSQL server for the pg-* scenarios, as postgresql://user@host:port/postgres:
                             databases sales_bench_ours and sales_bench_baseline are dropped and created there
          --out PATH         Markdown results (default bench/results.md; '-' for none)
          --work DIR         where files and databases go (default a temporary directory)
          --host PATH        Sales.Host.dll (default src/Host/bin/Release/net10.0/Sales.Host.dll)
          --help             this text
        """;

    public static BenchmarkOptions Parse(string[] args, string repositoryRoot)
    {
        long lines = 1_000_000;
        long? grow = null;
        long? large = null;
        List<string>? scenarios = null;
        string? postgres = null;
        var output = Path.Combine(repositoryRoot, "bench", "results.md");
        var work = Path.Combine(Path.GetTempPath(), "sales-bench");
        var host = Path.Combine(repositoryRoot, "src", "Host", "bin", "Release", "net10.0", "Sales.Host.dll");
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value\n{Usage}");
            switch (args[i])
            {
                case "--lines": lines = ParseCount(args[i], value); break;
                case "--grow": grow = ParseCount(args[i], value); break;
                case "--large-lines": large = ParseCount(args[i], value); break;
                case "--scenarios": scenarios = ParseScenarios(value); break;
                case "--out": output = value; break;
                case "--work": work = value; break;
                case "--host": host = value; break;
                case "--postgres": postgres = value; break;
                default: throw new ArgumentException($"unknown option {args[i]}\n{Usage}");
            }

            i++;
        }

        scenarios ??= [.. AllScenarios.Where(s => postgres is not null || !s.StartsWith("pg-", StringComparison.Ordinal))];
        if (postgres is null && scenarios.Any(s => s.StartsWith("pg-", StringComparison.Ordinal)))
        {
            throw new ArgumentException("the pg-* scenarios need --postgres URI");
        }

        return new BenchmarkOptions(lines, grow ?? Math.Max(1, lines / 100), large ?? lines * 10, scenarios, output, Path.GetFullPath(work), Path.GetFullPath(host), postgres);
    }

    public bool Runs(string scenario) => Scenarios.Contains(scenario);

    private static long ParseCount(string option, string value) =>
        long.TryParse(value.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
            ? count
            : throw new ArgumentException($"{option} '{value}' is not a positive whole number");

    private static List<string> ParseScenarios(string value)
    {
        var chosen = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var unknown = chosen.Except(AllScenarios).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"unknown scenario(s) {string.Join(", ", unknown)}; known: {string.Join(", ", AllScenarios)}");
        }

        // again, grown and analyze start from the database first leaves.
        if (chosen.Any(s => s is "again" or "grown" or "analyze") && !chosen.Contains("first"))
        {
            chosen.Insert(0, "first");
        }

        if (chosen.Any(s => s is "pg-again" or "pg-grown") && !chosen.Contains("pg-first"))
        {
            chosen.Add("pg-first");
        }

        return [.. AllScenarios.Where(chosen.Contains)];
    }
}
