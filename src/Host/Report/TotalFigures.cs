namespace Sales.Host.Report;

/// <summary>The whole period: sales lines, units, revenue and its first and last day.</summary>
internal sealed record TotalFigures(long SalesLines, long Units, decimal Revenue, DateOnly? FirstDay, DateOnly? LastDay);
