using System.Collections;
using Sales.Application.Abstractions;

namespace Sales.Infrastructure.Postgres;

/// <summary>The sales of a sheet that the merge did not find stored: how many, and the products and stores they reference.</summary>
internal sealed record NewSales(int Count, IReadOnlySet<string> References, IReadOnlySet<int> StoreIds)
{
    /// <summary>One pass over the sheet: a re-import then needs no second one (nothing to copy).</summary>
    public static NewSales Of(IEnumerable<PricedSale> sales, BitArray stored)
    {
        var references = new HashSet<string>(StringComparer.Ordinal);
        var storeIds = new HashSet<int>();
        var count = 0;
        var position = 0;
        foreach (var sale in sales)
        {
            if (position >= stored.Length || !stored[position])
            {
                references.Add(sale.Identity.Content.ProductReference);
                storeIds.Add(sale.Identity.Content.StoreId);
                count++;
            }

            position++;
        }

        return new NewSales(count, references, storeIds);
    }
}
