namespace Sales.Host.Report;

/// <summary>A weekday (1 = Monday): its occurrences in the period, units, revenue and revenue per occurrence.</summary>
internal sealed record WeekdayFigures(int Number, long Days, long Units, decimal Revenue, decimal? AveragePerDay);
