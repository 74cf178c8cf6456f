namespace Sales.Application.Profiling;

/// <summary>What a profile found about the three sheets, and the same in sentences.</summary>
/// <param name="Sheets">One profile per sheet given, products, stores then sales.</param>
/// <param name="Sales">Cross-file facts about the sales; null without a sales sheet.</param>
/// <param name="Findings">The profile explained in sentences a client can read, most important first.</param>
public sealed record DataSetProfile(IReadOnlyList<SheetProfile> Sheets, SalesCoverage? Sales, IReadOnlyList<string> Findings);
