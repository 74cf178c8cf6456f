namespace Sales.Host.Report;

/// <summary>A product or a city: units, revenue and share of the total revenue in percent.</summary>
internal sealed record ShareFigures(string Name, long Units, decimal Revenue, decimal? SharePercent);
