using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Sales.Benchmark;

/// <summary>The benchmark's command line (System.CommandLine, as the host's).</summary>
internal static class BenchmarkCommand
{
    public static RootCommand Create(string repositoryRoot, Func<BenchmarkOptions, int> run)
    {
        var lines = Count("--lines", "lines of the sales file of first/again/grown/analyze", 1_000_000);
        var grow = Count("--grow", "lines appended for grown (default lines/100)", null);
        var large = Count("--large-lines", "lines of the large scenario (default 10 x lines)", null);
        var scenarios = new Option<string[]>("--scenarios")
        {
            Description = "comma-separated among " + string.Join(",", BenchmarkOptions.AllScenarios)
                + " (default all; pg-* only with --postgres); again, grown and analyze run first before them, pg-again and pg-grown pg-first",
            CustomParser = ParseScenarios,
        };
        var repeat = Count("--repeat", "runs of every scenario; each figure is the median of its runs", 1);
        var postgres = new Option<string?>("--postgres")
        {
            Description = "PostgreSQL server for the pg-* scenarios, as postgresql://user@host:port/postgres: databases sales_bench_ours and sales_bench_baseline are dropped and created there",
        };
        var output = new Option<string>("--out") { Description = "Markdown results ('-' for none)", DefaultValueFactory = _ => Path.Combine(repositoryRoot, "bench", "results.md") };
        var work = new Option<string>("--work") { Description = "where files and databases go", DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "sales-bench") };
        var host = new Option<string>("--host") { Description = "Sales.Host.dll as shipped (build/publish-host.sh)", DefaultValueFactory = _ => Path.Combine(repositoryRoot, "artifacts", "host", "Sales.Host.dll") };
        var command = new RootCommand("Times the real host importing generated sales files against sqlite3 doing the same job (same journal mode and synchronous level), and the bare .import floor.")
        {
            lines, grow, large, scenarios, repeat, postgres, output, work, host,
        };
        command.Validators.Add(result =>
        {
            var chosen = result.GetResult(scenarios)?.Tokens.Select(t => t.Value) ?? [];
            if (result.GetResult(postgres) is null && chosen.Any(s => s.Contains("pg-", StringComparison.Ordinal)))
            {
                result.AddError("the pg-* scenarios need --postgres URI");
            }
        });
        command.SetAction(parsed =>
        {
            var lineCount = parsed.GetValue(lines)!.Value;
            var postgresUri = parsed.GetValue(postgres);
            return run(new BenchmarkOptions(
                lineCount,
                parsed.GetValue(grow) ?? Math.Max(1, lineCount / 100),
                parsed.GetValue(large) ?? lineCount * 10,
                BenchmarkOptions.WithPrerequisites(parsed.GetValue(scenarios) ?? [], postgresUri is not null),
                parsed.GetValue(output)!,
                Path.GetFullPath(parsed.GetValue(work)!),
                Path.GetFullPath(parsed.GetValue(host)!),
                postgresUri,
                checked((int)parsed.GetValue(repeat)!.Value)));
        });
        return command;
    }

    // A positive whole number; underscores may group digits (1_000_000).
    private static Option<long?> Count(string name, string description, long? defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (long.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0)
            {
                return count;
            }

            result.AddError($"{name} '{text}' is not a positive whole number");
            return null;
        },
    };

    private static string[] ParseScenarios(ArgumentResult result)
    {
        var chosen = result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
        var unknown = chosen.Except(BenchmarkOptions.AllScenarios).ToList();
        if (unknown.Count > 0)
        {
            result.AddError($"unknown scenario(s) {string.Join(", ", unknown)}; known: {string.Join(", ", BenchmarkOptions.AllScenarios)}");
        }

        return chosen;
    }
}
