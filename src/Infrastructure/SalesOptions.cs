using Sales.Application.Import;

namespace Sales.Infrastructure;

/// <summary>Settings of the infrastructure: where the database is, how sources are fetched, and the bounds on what they hold.</summary>
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

    /// <summary>Retries of a request that failed transiently (5xx, 408, 429, network error); 0 for none.</summary>
    public int HttpRetries { get; set; } = 3;

    /// <summary>Wait before the first retry; it doubles at each retry, with jitter.</summary>
    public TimeSpan HttpRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait for another writer's lock on the database before giving up.</summary>
    public TimeSpan LockWaitLimit { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Told once, with the message to show, when a write starts waiting for another writer's lock.</summary>
    public Action<string>? LockWaitNotice { get; set; }

    /// <summary>Earliest plausible sale day; a sales line dated before is refused.</summary>
    public DateOnly EarliestSaleDay { get; set; } = SaleDayPolicy.DefaultEarliest;

    /// <summary>Days after the day of the import (UTC) a sale may still be dated; a line dated later is refused.</summary>
    public int LatestSaleDayAfterToday { get; set; } = 1;

    /// <summary>Longest line (record) of a sheet, in characters; a longer one is refused as a line, without being held whole.</summary>
    public int MaxLineLength { get; set; } = DefaultMaxLineLength;

    /// <summary>Largest sheet, in bytes; a larger one (file or download) fails the import while it is read.</summary>
    public long MaxSheetBytes { get; set; } = DefaultMaxSheetBytes;

    /// <summary>The first setting out of its range, as a sentence naming it; null when all are valid.</summary>
    public string? FindProblem()
    {
        // Not bounded by today: the clock is injected where the window is used, so that tests can move it.
        if (EarliestSaleDay < new DateOnly(1900, 1, 1))
        {
            return $"setting Sales:EarliestSaleDay must be 1900-01-01 or later, got {EarliestSaleDay:yyyy-MM-dd}";
        }

        if (LatestSaleDayAfterToday is < 0 or > 366)
        {
            return $"setting Sales:LatestSaleDayAfterToday must be 0 to 366 days, got {LatestSaleDayAfterToday}";
        }

        if (MaxLineLength is < 256 or > 16 * 1024 * 1024)
        {
            return $"setting Sales:MaxLineLength must be 256 to 16777216 characters, got {MaxLineLength}";
        }

        return MaxSheetBytes is < 1024 or > 64L * 1024 * 1024 * 1024
            ? $"setting Sales:MaxSheetBytes must be 1024 bytes to 64 GB, got {MaxSheetBytes}"
            : null;
    }

    /// <summary>The sale-day window these settings describe.</summary>
    internal SaleDayPolicy SaleDays() => new() { EarliestSaleDay = EarliestSaleDay, LatestSaleDayAfterToday = LatestSaleDayAfterToday };
}
