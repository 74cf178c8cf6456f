namespace Sales.Application.Profiling;

/// <summary>Cross-file facts about the sales sheet.</summary>
/// <param name="FirstDay">First day with a sale.</param>
/// <param name="LastDay">Last day with a sale.</param>
/// <param name="DaysInRange">Calendar days from first to last day, both included.</param>
/// <param name="DaysCovered">Days with at least one sale.</param>
/// <param name="MissingDays">Days of the range without any sale.</param>
/// <param name="Orphans">Values of sales lines naming a product or store the other sheets do not list; empty when that sheet was not given.</param>
/// <param name="ProductsWithoutSales">Products of the catalogue never sold in the sheet.</param>
/// <param name="StoresWithoutSales">Stores without any sale in the sheet.</param>
public sealed record SalesCoverage(
    DateOnly? FirstDay,
    DateOnly? LastDay,
    int DaysInRange,
    int DaysCovered,
    IReadOnlyList<DateOnly> MissingDays,
    IReadOnlyList<OrphanReference> Orphans,
    IReadOnlyList<string> ProductsWithoutSales,
    IReadOnlyList<string> StoresWithoutSales);
