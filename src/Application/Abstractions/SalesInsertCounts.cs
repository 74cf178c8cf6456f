namespace Sales.Application.Abstractions;

/// <summary>What storing a sales sheet's lines found.</summary>
/// <param name="Inserted">Lines whose identity was not stored: stored now.</param>
/// <param name="StoredNotInSheet">
/// Stored sales, dated within the sheet's first and last day, whose identity the sheet does not
/// have (any more): lines edited or deleted at the source since, or stored from another sheet.
/// </param>
internal readonly record struct SalesInsertCounts(int Inserted, int StoredNotInSheet);
