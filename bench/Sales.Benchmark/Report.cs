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

        Line(text, $"Baseline: sqlite3 .import into a staging table + INSERT OR IGNORE numbering identical lines with ROW_NUMBER() into a table keyed by the identity; floor: sqlite3's bare .import into a keyless table. Both run with `{SqliteShellBaseline.Durability}`, the journal mode and synchronous level of our import. Times are whole processes, start-up included; each figure is the median of {options.Repeat} run(s), in which ours, the baseline and the floor alternate.");
        text.AppendLine();
        text.AppendLine("| scenario | lines | stored | ours | baseline | ours / baseline | floor | ours / floor | lines/s | peak RSS | baseline peak RSS |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var result in results)
        {
            Line(text,
                $"| {result.Scenario} | {result.Lines:N0} | {result.Stored:N0} | {Seconds(result.Ours)} | {Seconds(result.Baseline)} | {Ratio(result.Ours, result.Baseline)} | {Seconds(result.Floor)} | {Ratio(result.Ours, result.Floor)} | {result.Lines / result.Ours.Elapsed.TotalSeconds:N0} | {Megabytes(result.Ours.PeakRssBytes)} | {(result.Baseline is null ? "-" : Megabytes(result.Baseline.PeakRssBytes))} |");
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

    // The targets of issue 15 (and the PostgreSQL ones of issue 14).
    private static IEnumerable<string> Targets(IReadOnlyList<ScenarioResult> results)
    {
        var byName = results.ToDictionary(r => r.Scenario);
        if (byName.TryGetValue("first", out var first))
        {
            yield return Check($"first <= 0.6x baseline ({Ratio(first.Ours, first.Baseline)})", first.Ours.Elapsed / first.Baseline!.Elapsed <= 0.6);
            if (first.Floor is not null)
            {
                yield return Check($"first <= 2.5x floor ({Ratio(first.Ours, first.Floor)})", first.Ours.Elapsed / first.Floor.Elapsed <= 2.5);
            }

            yield return Check($"peak RSS <= 150 MB for {first.Lines:N0} lines ({Megabytes(first.Ours.PeakRssBytes)})", first.Ours.PeakRssBytes <= 150L << 20);
        }

        foreach (var name in new[] { "again", "grown" })
        {
            if (byName.TryGetValue(name, out var result))
            {
                yield return Check($"{name} <= 0.3x baseline ({Ratio(result.Ours, result.Baseline)})", result.Ours.Elapsed / result.Baseline!.Elapsed <= 0.3);
            }
        }

        if (byName.TryGetValue("analyze", out var analyze))
        {
            yield return Check($"analyze <= 3 s ({Seconds(analyze.Ours)}, results checked to the cent)", analyze.Ours.Elapsed.TotalSeconds <= 3);
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
            yield return Check($"large peak RSS <= 1 GB ({Megabytes(large.Ours.PeakRssBytes)})", large.Ours.PeakRssBytes <= 1024L << 20);
            if (first is not null)
            {
                var growth = large.Ours.Elapsed / first.Ours.Elapsed;
                yield return Check(string.Create(CultureInfo.InvariantCulture, $"large <= 11x first ({growth:0.0}x for {large.Lines / (double)first.Lines:0.#}x the lines)"), growth <= 11);
            }
        }
    }

    private static string Check(string target, bool met) => $"- {(met ? "met" : "MISSED")}: {target}";

    private static void Line(StringBuilder text, FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

    private static string Seconds(Measurement? run) => run is null ? "-" : run.Elapsed.TotalSeconds.ToString("0.00 's'", CultureInfo.InvariantCulture);

    private static string Ratio(Measurement ours, Measurement? reference) =>
        reference is null ? "-" : (ours.Elapsed / reference.Elapsed).ToString("0.00x", CultureInfo.InvariantCulture);

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
