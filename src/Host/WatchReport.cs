using System.Globalization;
using Sales.Application.Watch;
using Sales.Domain.Text;

namespace Sales.Host;

/// <summary>What <c>watch</c> prints: one line per cycle.</summary>
internal static class WatchReport
{
    public static void PrintStart(TimeSpan interval, string salesSource) =>
        Console.WriteLine($"watching {PrintableText.Escape(SourceRedaction.Redact(salesSource))} every {WatchInterval.Format(interval)} (Ctrl+C or SIGTERM stops after the cycle in progress finishes or rolls back)");

    /// <summary>UTC time, then what the cycle stored (or "unchanged", or its error), its duration, and any schedule notice.</summary>
    public static void PrintCycle(WatchCycleResult cycle, WatchStep step, WatchSchedule schedule)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"{cycle.StartedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}  {Describe(cycle)}  ({WatchInterval.Format(cycle.Duration)})");
        if (Notice(step, schedule) is { } notice)
        {
            line += $"; {notice}";
        }

        Console.WriteLine(line);
    }

    // What the user should know about the schedule (stopping, backing off, recovered); null when nothing changed.
    private static string? Notice(WatchStep step, WatchSchedule schedule) => step switch
    {
        { Stop: true } => "the database cannot be used: stopping (fix its path or permissions, then start watch again)",
        { FailuresInARow: 1 } => $"next attempt in {WatchInterval.Format(step.Wait)}",
        { FailuresInARow: > 1 } => string.Create(CultureInfo.InvariantCulture,
            $"{step.FailuresInARow} failures in a row: backing off, next attempt in {WatchInterval.Format(step.Wait)} (the interval doubles per failure, at most {WatchInterval.Format(schedule.BackoffCap)})"),
        { RecoveredAfter: > 0 } => string.Create(CultureInfo.InvariantCulture,
            $"recovered after {step.RecoveredAfter} failed cycle{(step.RecoveredAfter > 1 ? "s" : "")}: back to every {WatchInterval.Format(schedule.Interval)}"),
        _ => null,
    };

    public static void PrintStopped(WatchCycleResult? interrupted) =>
        Console.WriteLine(interrupted switch
        {
            null => "stopped",
            { Import: null } => "stopped: the cycle in progress was interrupted and rolled back, nothing of it was stored",
            { Import: { } import } => string.Create(CultureInfo.InvariantCulture,
                $"stopped: the cycle in progress stored its import ({import.NewSales} new lines); its analyses were interrupted and not stored"),
        });

    // An error may quote the data or a source: shown redacted and on one line.
    private static string Printable(string message) => PrintableText.Escape(SourceRedaction.RedactUrlsIn(message));

    private static string Describe(WatchCycleResult cycle)
    {
        if (cycle.Failure is { } failure)
        {
            return failure.DuringAnalyses
                ? string.Create(CultureInfo.InvariantCulture, $"{cycle.NewSales} new lines stored, analyses failed: {Printable(failure.Message)}")
                : $"failed: {Printable(failure.Message)}";
        }

        if (cycle.Unchanged)
        {
            return "unchanged";
        }

        var text = string.Create(CultureInfo.InvariantCulture, $"{cycle.NewSales} new lines");
        var updated = cycle.Import?.Sheets.Sum(s => s.Updated + (s.Kind == Domain.Sheets.SheetKind.Sales ? 0 : s.New)) ?? 0;
        if (updated > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $", {updated} products or stores added or updated");
        }

        var notInSheet = cycle.Import?.Sheets.Sum(s => s.StoredNotInSheet) ?? 0;
        if (notInSheet > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $", {notInSheet} stored lines no longer in the sheet (edited or deleted at the source?)");
        }

        return cycle.Analyses is null ? text : text + ", analyses run";
    }
}
