namespace Sales.Host;

/// <summary>The <c>Sales</c> section of <c>appsettings.json</c>, overridable by environment variables (<c>Sales__DatabasePath</c>, ...).</summary>
internal sealed class HostSettings
{
    public string DatabasePath { get; set; } = "sales.db";

    public int HttpTimeoutSeconds { get; set; } = 100;

    public int HttpRetries { get; set; } = 3;

    public int HttpRetryDelayMilliseconds { get; set; } = 1000;

    public DateOnly EarliestSaleDay { get; set; } = new(2000, 1, 1);

    public int LatestSaleDayAfterToday { get; set; } = 1;

    public int MaxLineLength { get; set; } = Sales.Infrastructure.SalesOptions.DefaultMaxLineLength;

    public long MaxSheetBytes { get; set; } = Sales.Infrastructure.SalesOptions.DefaultMaxSheetBytes;

    public SourceSettings Sources { get; set; } = new();

    internal sealed class SourceSettings
    {
        public string? Products { get; set; }

        public string? Stores { get; set; }

        public string? Sales { get; set; }
    }
}
