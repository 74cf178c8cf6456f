using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Sales.Benchmark;

/// <summary>The results as a Markdown table, with the machine they were measured on and the targets.</summary>
internal static class Report
{
    public static string Markdown(BenchmarkOptions options, IReadOnlyList<ScenarioResult> results)
    {
        var text = new StringBuilder();
        Line(text, $"Measured {DateTime.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores, {MemoryGigabytes():0.#} GB RAM, {OperatingSystem()}, .NET SDK {DotnetVersion()}, sqlite3 {SqliteShellBaseline.Version()}.");
        Line(text, $"Sales files: {options.Lines:N0} lines (grown: +{options.GrowLines:N0}), large: {options.LargeLines:N0} lines; 500 products, 50 stores, 365 days, about 2 % repeated lines.");
        if (options.Postgres is not null)
        {
            Line(text, $"pg-* scenarios: PostgreSQL {new PostgresServerUnderTest(options.Postgres).Version()} (default settings), baseline psql \\copy + INSERT ... ON CONFLICT DO NOTHING; peak RSS is the client's.");
        }

        text.AppendLine();
        text.AppendLine("| scenario | lines | stored | ours | baseline | ratio | lines/s | peak RSS | baseline peak RSS |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var result in results)
        {
            var ours = result.Ours;
            var baseline = result.Baseline;
            Line(text,
                $"| {result.Scenario} | {result.Lines:N0} | {result.Stored:N0} | {Seconds(ours.Elapsed)} | {(baseline is null ? "-" : Seconds(baseline.Elapsed))} | {(baseline is null ? "-" : (ours.Elapsed / baseline.Elapsed).ToString("0.00x", CultureInfo.InvariantCulture))} | {result.Lines / ours.Elapsed.TotalSeconds:N0} | {Megabytes(ours.PeakRssBytes)} | {(baseline is null ? "-" : Megabytes(baseline.PeakRssBytes))} |");
        }

        var targets = Targets(results).ToList();
        if (targets.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Targets:");
            foreach (var target in targets)
            {
                text.AppendLine(target);
            }
        }

        return text.ToString();
    }

    private static IEnumerable<string> Targets(IReadOnlyList<ScenarioResult> results)
    {
        var byName = results.ToDictionary(r => r.Scenario);
        if (byName.TryGetValue("first", out var first))
        {
            yield return Check("first <= 1.0x baseline", first.Ours.Elapsed / first.Baseline!.Elapsed <= 1.0);
            yield return Check($"peak RSS <= 250 MB for {first.Lines:N0} lines", first.Ours.PeakRssBytes <= 250L << 20);
        }

        foreach (var name in new[] { "again", "grown" })
        {
            if (byName.TryGetValue(name, out var result))
            {
                yield return Check($"{name} <= 0.5x baseline", result.Ours.Elapsed / result.Baseline!.Elapsed <= 0.5);
            }
        }

        if (byName.TryGetValue("pg-first", out var pgFirst))
        {
            yield return Check("pg-first <= 0.8x psql baseline", pgFirst.Ours.Elapsed / pgFirst.Baseline!.Elapsed <= 0.8);
        }

        if (byName.TryGetValue("pg-again", out var pgAgain))
        {
            yield return Check("pg-again <= 0.5x psql baseline", pgAgain.Ours.Elapsed / pgAgain.Baseline!.Elapsed <= 0.5);
        }

        if (byName.TryGetValue("large", out var large))
        {
            yield return Check("large peak RSS <= 1.5 GB", large.Ours.PeakRssBytes <= 1536L << 20);
            if (first is not null)
            {
                var growth = large.Ours.Elapsed / first.Ours.Elapsed;
                yield return Check(string.Create(CultureInfo.InvariantCulture, $"large <= 12x first ({growth:0.0}x for {large.Lines / (double)first.Lines:0.#}x the lines)"), growth <= 12);
            }
        }
    }

    private static string Check(string target, bool met) => $"- {(met ? "met" : "MISSED")}: {target}";

    private static void Line(StringBuilder text, FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.00 's'", CultureInfo.InvariantCulture);

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0 'MB'", CultureInfo.InvariantCulture);

    private static double MemoryGigabytes()
    {
        var total = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return total is null ? 0 : long.Parse(total.AsSpan(9).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) / (1024.0 * 1024.0);
    }

    private static string OperatingSystem()
    {
        var pretty = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?[12..].Trim('"')
            : null;
        return pretty ?? RuntimeInformation.OSDescription;
    }

    private static string DotnetVersion() => MeasuredProcess.Run("dotnet", ["--version"]).Output.Trim();
}
