namespace Sales.Host.Report;

/// <summary>An ISO week: Monday, Sunday, its number, lines, units, revenue and change in percent on the week before.</summary>
internal sealed record WeekFigures(DateOnly Start, DateOnly End, string IsoWeek, long SalesLines, long Units, decimal Revenue, decimal? ChangePercent);
