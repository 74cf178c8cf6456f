namespace Sales.Host.Report;

/// <summary>A day: units, revenue and the 7-day moving average ending on it (none for the first 6 days).</summary>
internal sealed record DayFigures(DateOnly Day, long Units, decimal Revenue, decimal? SevenDayAverage);
