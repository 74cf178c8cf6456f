namespace Sales.Host.Report;

/// <summary>A product's stock, units sold, average units per day and days its stock lasts at that pace.</summary>
internal sealed record CoverageFigures(string Name, long Stock, long Units, decimal? AverageDailyUnits, decimal? CoverageDays);
