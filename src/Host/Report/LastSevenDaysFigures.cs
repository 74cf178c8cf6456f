namespace Sales.Host.Report;

/// <summary>The last 7 days (from, to), their revenue, the 7 days before (when the period allows) and the change in percent.</summary>
internal sealed record LastSevenDaysFigures(DateOnly From, DateOnly To, decimal Revenue, decimal? Previous, decimal? ChangePercent);
