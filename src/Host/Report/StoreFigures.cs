namespace Sales.Host.Report;

/// <summary>A store: its city, head-count, units, revenue and revenue per employee.</summary>
internal sealed record StoreFigures(long Id, string City, long Employees, long Units, decimal Revenue, decimal? RevenuePerEmployee);
