using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Sales.Application.Import;

namespace Sales.Infrastructure;

/// <summary>
/// Settings of the infrastructure: where the database is, how sources are fetched, and the bounds on what they hold.
/// The host binds it straight from the <c>Sales</c> configuration section; durations are read there through their
/// whole-number views (<see cref="HttpTimeoutSeconds"/>, ...). Each range is declared once, on its property:
/// a <see cref="RangeAttribute"/> is checked for everyone (<see cref="FindProblem"/>), a range on a configuration view
/// only on the configuration's text.
/// </summary>
public sealed class SalesOptions
{
    /// <summary>Default <see cref="MaxLineLength"/>: 64 KB, a thousand times a real line.</summary>
    public const int DefaultMaxLineLength = 64 * 1024;

    /// <summary>
    /// Default <see cref="MaxSheetBytes"/>: 256 MB. A Google sheet holds at most 10 million cells,
    /// about 100 MB of CSV for these layouts.
    /// </summary>
    public const long DefaultMaxSheetBytes = 256L * 1024 * 1024;

    /// <summary>
    /// Path of the SQLite database file (its directory must exist), or a PostgreSQL URI
    /// <c>postgresql://user[:password]@host[:port]/database</c> (see docs/postgresql.md).
    /// </summary>
    public string DatabasePath { get; set; } = "sales.db";

    /// <summary>Longest time one HTTP download may take, headers and body together.</summary>
    public TimeSpan HttpTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary><see cref="HttpTimeout"/> in whole seconds, as configuration writes it (<c>Sales__HttpTimeoutSeconds</c>).</summary>
    [ConfigurationRange(1, 86_400)]
    public int HttpTimeoutSeconds
    {
        get => (int)HttpTimeout.TotalSeconds;
        set => HttpTimeout = TimeSpan.FromSeconds(value);
    }

    /// <summary>Retries of a request that failed transiently (5xx, 408, 429, network error); 0 for none.</summary>
    [ConfigurationRange(0, 20)]
    public int HttpRetries { get; set; } = 3;

    /// <summary>Wait before the first retry; it doubles at each retry, with jitter.</summary>
    public TimeSpan HttpRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary><see cref="HttpRetryDelay"/> in whole milliseconds, as configuration writes it (<c>Sales__HttpRetryDelayMilliseconds</c>).</summary>
    [ConfigurationRange(0, 600_000)]
    public int HttpRetryDelayMilliseconds
    {
        get => (int)HttpRetryDelay.TotalMilliseconds;
        set => HttpRetryDelay = TimeSpan.FromMilliseconds(value);
    }

    /// <summary>Longest wait for another writer's lock on the database before giving up.</summary>
    public TimeSpan LockWaitLimit { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary><see cref="LockWaitLimit"/> in whole seconds, as configuration writes it (<c>Sales__DatabaseLockWaitSeconds</c>).</summary>
    [ConfigurationRange(0, 86_400)]
    public int DatabaseLockWaitSeconds
    {
        get => (int)LockWaitLimit.TotalSeconds;
        set => LockWaitLimit = TimeSpan.FromSeconds(value);
    }

    /// <summary>Told once, with the message to show, when a write starts waiting for another writer's lock.</summary>
    public Action<string>? LockWaitNotice { get; set; }

    // Not bounded by today: the clock is injected where the window is used, so that tests can move it.

    /// <summary>Earliest plausible sale day; a sales line dated before is refused.</summary>
    [Range(typeof(DateOnly), "1900-01-01", "9999-12-31", ParseLimitsInInvariantCulture = true, ErrorMessage = "{0} must be {1:yyyy-MM-dd} or later")]
    public DateOnly EarliestSaleDay { get; set; } = SaleDayPolicy.DefaultEarliest;

    /// <summary>Days after the day of the import (UTC) a sale may still be dated; a line dated later is refused.</summary>
    [Range(0, 366, ErrorMessage = "{0} must be {1} to {2} days")]
    public int LatestSaleDayAfterToday { get; set; } = 1;

    /// <summary>Longest line (record) of a sheet, in characters; a longer one is refused as a line, without being held whole.</summary>
    [Range(256, 16 * 1024 * 1024, ErrorMessage = "{0} must be {1} to {2} characters")]
    public int MaxLineLength { get; set; } = DefaultMaxLineLength;

    /// <summary>Largest sheet, in bytes; a larger one (file or download) fails the import while it is read.</summary>
    [Range(1024, 64L * 1024 * 1024 * 1024, ErrorMessage = "{0} must be {1} bytes to 64 GB")]
    public long MaxSheetBytes { get; set; } = DefaultMaxSheetBytes;

    /// <summary>The first setting out of its range, as a sentence naming it; null when all are valid.</summary>
    public string? FindProblem()
    {
        foreach (var property in typeof(SalesOptions).GetProperties())
        {
            var value = property.GetValue(this);
            if (property.GetCustomAttribute<RangeAttribute>() is { } range and not ConfigurationRangeAttribute && !IsInRange(range, value))
            {
                var shown = value is DateOnly day ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Convert.ToString(value, CultureInfo.InvariantCulture);
                var (minimum, maximum) = value is DateOnly ? (DayLimit(range.Minimum), DayLimit(range.Maximum)) : (range.Minimum, range.Maximum);
                var rule = string.Format(CultureInfo.InvariantCulture, range.ErrorMessage!, property.Name, minimum, maximum);
                return $"setting Sales:{rule}, got {shown}";
            }
        }

        return LooksLikeConnectionString(DatabasePath)
            ? "setting Sales:DatabasePath (--db) looks like a connection string (key=value;...): give the SQLite file's path or a postgresql://user@host/database URI"
            : null;
    }

    // 'Host=db;Password=...' or 'Data Source=sales.db' would otherwise become a SQLite file of that name.
    // The value is not echoed: a connection string often carries a password.
    private static bool LooksLikeConnectionString(string location)
    {
        var equals = location.IndexOf('=', StringComparison.Ordinal);
        return equals > 0
            && location.Contains(';', StringComparison.Ordinal)
            && location[..equals].Trim() is { Length: > 0 } key
            && key.All(c => char.IsAsciiLetter(c) || c == ' ' || c == '_');
    }

    /// <summary>
    /// Reads a day written <c>yyyy-MM-dd</c> exactly (four, two and two ASCII digits), as configuration writes days.
    /// Read here rather than by the framework's date parser, which opens an ICU collator (about 5 ms of every start).
    /// </summary>
    public static bool TryParseDay(string text, out DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(text);
        day = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(text.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var dayOfMonth)
            || year < 1 || month is < 1 or > 12 || dayOfMonth < 1 || dayOfMonth > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        day = new DateOnly(year, month, dayOfMonth);
        return true;
    }

    // A range of days is declared with its limits as text; RangeAttribute would read them through TypeDescriptor and
    // the framework's date parser (the ICU collator again), so they are read here and compared directly.
    private static bool IsInRange(RangeAttribute range, object? value) => value is DateOnly day
        ? day >= DayLimit(range.Minimum) && day <= DayLimit(range.Maximum)
        : range.IsValid(value);

    private static DateOnly DayLimit(object limit) =>
        TryParseDay((string)limit, out var day) ? day : throw new InvalidOperationException($"day limit '{limit}' is not written yyyy-MM-dd");

    /// <summary>The sale-day window these settings describe.</summary>
    internal SaleDayPolicy SaleDays() => new() { EarliestSaleDay = EarliestSaleDay, LatestSaleDayAfterToday = LatestSaleDayAfterToday };
}
