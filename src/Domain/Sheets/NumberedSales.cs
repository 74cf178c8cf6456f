using System.Collections;
using Sales.Domain.Dedup;

namespace Sales.Domain.Sheets;

/// <summary>The numbered lines, kept packed and turned into <see cref="NumberedSale"/> when read.</summary>
internal sealed class NumberedSales(IdentityKey[] keys, int[] occurrences, string[] referencesByRank) : IReadOnlyList<NumberedSale>
{
    public int Count => occurrences.Length;

    /// <summary>The distinct product references, by rank (see <see cref="ReferenceRankAt"/>).</summary>
    public IReadOnlyList<string> References => referencesByRank;

    /// <summary>The rank of the reference of line <paramref name="index"/>: read without making its sale.</summary>
    public int ReferenceRankAt(int index) => keys[index].ReferenceRank;

    /// <summary>The store of line <paramref name="index"/>.</summary>
    public int StoreIdAt(int index) => keys[index].StoreId;

    /// <summary>The line number in the file of line <paramref name="index"/>.</summary>
    public long LineNumberAt(int index) => keys[index].LineNumber;

    public NumberedSale this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return new NumberedSale(keys[index].LineNumber, IdentityAt(index));
        }
    }

    /// <summary>The identity of line <paramref name="index"/>.</summary>
    public SaleIdentity IdentityAt(int index)
    {
        var key = keys[index];
        return new SaleIdentity(new Sale(DateOnly.FromDayNumber(key.Day), referencesByRank[key.ReferenceRank], key.Quantity, key.StoreId), occurrences[index]);
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
