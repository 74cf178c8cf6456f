using System.Globalization;

namespace Sales.Application.Profiling;

/// <summary>
/// Finds the days of a sales sheet far from its bulk: a robust rule (quartiles, not mean and
/// deviation, so the far days themselves cannot move it). Over the sheet's lines, Q1 and Q3 are
/// the days a quarter and three quarters of the lines reach; a day is far when it lies more than
/// 3 x (Q3 - Q1) + 31 days before Q1 or after Q3. The 31 days keep a sheet of a few weeks, or of
/// one day, from calling its neighbouring days far. See docs/value-ranges.md.
/// </summary>
internal static class FarDays
{
    private const int SlackDays = 31;
    private const int FenceFactor = 3;

    /// <summary>The far days (first line of each, in day order), how many lines they hold, and the bulk as text.</summary>
    public static (IReadOnlyList<InvalidValue> Days, int Lines, string? Bulk) Find(IReadOnlyDictionary<DateOnly, (long FirstLine, int Lines)> days)
    {
        if (days.Count == 0)
        {
            return ([], 0, null);
        }

        var sorted = days.OrderBy(d => d.Key).ToList();
        var total = sorted.Sum(d => (long)d.Value.Lines);
        var q1 = DayReaching(sorted, (total + 3) / 4);
        var q3 = DayReaching(sorted, ((3 * total) + 3) / 4);
        var fence = (FenceFactor * (q3.DayNumber - q1.DayNumber)) + SlackDays;
        var low = q1.DayNumber - fence;
        var high = q3.DayNumber + fence;
        var far = sorted.Where(d => d.Key.DayNumber < low || d.Key.DayNumber > high).ToList();
        var bulk = string.Create(CultureInfo.InvariantCulture, $"half of the lines fall from {q1:yyyy-MM-dd} to {q3:yyyy-MM-dd}");
        var listed = far.Select(d => new InvalidValue(d.Value.FirstLine, d.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"{d.Key:yyyy-MM-dd} is far from the bulk of the sheet ({bulk}), on {d.Value.Lines:N0} line(s)"))).ToList();
        return (listed, far.Sum(d => d.Value.Lines), bulk);
    }

    // The first day by which at least `rank` lines (1-based) are reached.
    private static DateOnly DayReaching(List<KeyValuePair<DateOnly, (long FirstLine, int Lines)>> sorted, long rank)
    {
        long seen = 0;
        foreach (var (day, tally) in sorted)
        {
            seen += tally.Lines;
            if (seen >= Math.Max(rank, 1))
            {
                return day;
            }
        }

        return sorted[^1].Key;
    }
}
