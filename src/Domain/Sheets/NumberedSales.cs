using System.Collections;
using Sales.Domain.Dedup;

namespace Sales.Domain.Sheets;

/// <summary>The numbered lines, kept packed and turned into <see cref="NumberedSale"/> when read.</summary>
internal sealed class NumberedSales(IdentityKey[] keys, int[] occurrences, string[] referencesByRank) : IReadOnlyList<NumberedSale>
{
    public int Count => occurrences.Length;

    public NumberedSale this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var key = keys[index];
            var occurrence = occurrences[index];
            var sale = new Sale(DateOnly.FromDayNumber(key.Day), referencesByRank[key.ReferenceRank], key.Quantity, key.StoreId);
            return new NumberedSale(key.LineNumber, new SaleIdentity(sale, occurrence));
        }
    }

    public IEnumerator<NumberedSale> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
