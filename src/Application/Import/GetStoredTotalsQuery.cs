using MediatR;
using Sales.Application.Abstractions;

namespace Sales.Application.Import;

/// <summary>
/// Asks what all imports have stored so far: a quick check after an import, and the total revenue
/// of every stored sales line (quantity times the product's unit price at import time).
/// </summary>
public sealed record GetStoredTotalsQuery : IRequest<StoredTotals>;

/// <summary>What the database holds.</summary>
/// <param name="Products">Stored products.</param>
/// <param name="Stores">Stored stores.</param>
/// <param name="SalesLines">Stored sales lines, each stored once whatever the number of imports that saw it.</param>
/// <param name="UnitsSold">Sum of the quantities of the stored sales lines.</param>
/// <param name="TotalRevenue">Sum of quantity times unit price over the stored sales lines, in euros, exact to the cent.</param>
public sealed record StoredTotals(long Products, long Stores, long SalesLines, long UnitsSold, decimal TotalRevenue);

internal sealed class GetStoredTotalsHandler(IStoredTotalsReader reader) : IRequestHandler<GetStoredTotalsQuery, StoredTotals>
{
    public Task<StoredTotals> Handle(GetStoredTotalsQuery request, CancellationToken cancellationToken) =>
        reader.ReadAsync(cancellationToken);
}
