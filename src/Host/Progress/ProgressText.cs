using System.Globalization;
using Sales.Application.Progress;

namespace Sales.Host.Progress;

/// <summary>The words of the live progress line, from the counts of <see cref="WorkProgress"/>.</summary>
internal static class ProgressText
{
    private const double Megabyte = 1024 * 1024;

    public static string Of(ProgressSnapshot now)
    {
        var sheet = now.Sheet.ToString().ToLowerInvariant();
        return now.Stage switch
        {
            WorkStage.Starting => "starting",
            WorkStage.OpeningDatabase => "opening the database",
            WorkStage.Fetching => $"{sheet}: fetching {Bytes(now.Done, now.Expected)}",
            WorkStage.Reading => $"{sheet}: {Count(now.Done)} lines read",
            WorkStage.Sorting => $"{sheet}: sorting the lines read",
            WorkStage.Storing when now.Expected is { } total => $"{sheet}: storing, {Count(now.Done)} of {Count(total)} lines",
            WorkStage.Storing => $"{sheet}: storing",
            WorkStage.Analyzing => "running the analyses",
            _ => string.Empty,
        };
    }

    private static string Bytes(long done, long? expected) => expected is { } total
        ? string.Create(CultureInfo.InvariantCulture, $"{done / Megabyte:0.0} of {total / Megabyte:0.0} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{done / Megabyte:0.0} MB");

    private static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);
}
