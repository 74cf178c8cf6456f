using System.Globalization;

namespace Sales.Application.Watch;

/// <summary>
/// Durations as a data engineer writes them on a command line: a whole number and a unit,
/// <c>30s</c>, <c>5m</c>, <c>1h</c>.
/// </summary>
public static class WatchInterval
{
    /// <summary>The longest interval accepted: a sheet followed less often than daily wants a scheduled <c>run</c>.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromHours(24);

    /// <summary>What <see cref="TryParse"/> accepts, for error messages.</summary>
    public const string Accepted = "a whole number followed by s, m or h (e.g. 30s, 5m, 1h), at most 24h";

    /// <summary>Reads <paramref name="text"/> as a positive duration of at most <see cref="Longest"/>.</summary>
    public static bool TryParse(string? text, out TimeSpan interval)
    {
        interval = default;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length < 2)
        {
            return false;
        }

        var unit = char.ToLowerInvariant(trimmed[^1]);
        var digits = trimmed[..^1];
        if (!digits.All(char.IsAsciiDigit)
            || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count <= 0 || count > Longest.TotalSeconds)
        {
            return false;
        }

        interval = unit switch
        {
            's' => TimeSpan.FromSeconds(count),
            'm' => TimeSpan.FromMinutes(count),
            'h' => TimeSpan.FromHours(count),
            _ => TimeSpan.Zero,
        };
        return interval > TimeSpan.Zero && interval <= Longest;
    }

    /// <summary>Writes a duration the way it is read: <c>30s</c>, <c>1m30s</c>, <c>2h</c>; under a second, <c>0.25s</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.FromSeconds(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, duration.TotalSeconds):0.##}s");
        }

        if (duration < TimeSpan.FromMinutes(1) && duration.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.#}s");
        }

        var hours = (long)duration.TotalHours;
        var parts = new[] { (hours, "h"), ((long)duration.Minutes, "m"), ((long)duration.Seconds, "s") };
        return string.Concat(parts.Where(p => p.Item1 > 0).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Item1}{p.Item2}")));
    }
}
