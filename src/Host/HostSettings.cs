using System.ComponentModel.DataAnnotations;

namespace Sales.Host;

/// <summary>
/// The <c>Sales</c> section of <c>appsettings.json</c>, overridable by environment variables
/// (<c>Sales__DatabasePath</c>, ...). Every whole-number setting declares its <see cref="RangeAttribute"/>:
/// <see cref="HostSettingsLoader"/> refuses a value that is not a number or is out of range.
/// </summary>
internal sealed class HostSettings
{
    public string DatabasePath { get; set; } = "sales.db";

    [Range(1, 86_400)]
    public int HttpTimeoutSeconds { get; set; } = 100;

    [Range(0, 20)]
    public int HttpRetries { get; set; } = 3;

    [Range(0, 600_000)]
    public int HttpRetryDelayMilliseconds { get; set; } = 1000;

    /// <summary>Longest wait for another writer's lock on the database (<c>Sales__DatabaseLockWaitSeconds</c>).</summary>
    [Range(0, 86_400)]
    public int DatabaseLockWaitSeconds { get; set; } = 120;

    public DateOnly EarliestSaleDay { get; set; } = new(2000, 1, 1);

    [Range(0, 366)]
    public int LatestSaleDayAfterToday { get; set; } = 1;

    [Range(256, 16 * 1024 * 1024)]
    public int MaxLineLength { get; set; } = Sales.Infrastructure.SalesOptions.DefaultMaxLineLength;

    [Range(1024, 64L * 1024 * 1024 * 1024)]
    public long MaxSheetBytes { get; set; } = Sales.Infrastructure.SalesOptions.DefaultMaxSheetBytes;

    public SourceSettings Sources { get; set; } = new();

    internal sealed class SourceSettings
    {
        public string? Products { get; set; }

        public string? Stores { get; set; }

        public string? Sales { get; set; }
    }
}
