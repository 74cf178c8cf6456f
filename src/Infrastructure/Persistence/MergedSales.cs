using Sales.Application.Abstractions;

namespace Sales.Infrastructure.Persistence;

/// <summary>What <see cref="StoredIdentityMerge"/> found.</summary>
/// <param name="Stored">Positions of the sales already stored.</param>
/// <param name="StoredNotInSheet">Stored rows, from the sheet's first day to its last, that no sale matched.</param>
/// <param name="AllStored">Whether every sale is stored: nothing is new.</param>
/// <param name="NewSales">
/// The new sales in identity order, when there are at most <see cref="StoredIdentityMerge.NewSalesKept"/>
/// (a re-import of a grown sheet): inserted without a second pass over the sheet. Null when there are
/// more (a first import): the caller passes over the sales again, skipping <paramref name="Stored"/>.
/// </param>
internal sealed record MergedSales(StoredPositions Stored, int StoredNotInSheet, bool AllStored, IReadOnlyList<PricedSale>? NewSales);
