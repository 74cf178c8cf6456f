using Sales.Domain;

namespace Sales.UnitTests.Dedup;

/// <summary>
/// The dedup rule's numbering written the plain way, as the oracle the import's sort-based
/// numbering (<see cref="Sales.Domain.Dedup.SortedOccurrenceNumbering"/>) is checked against.
/// Numbers the sales lines of one sheet: the n-th line with a given content gets occurrence n.
/// Numbering depends only on the sheet's content, never on line order or on what is stored, so
/// re-reading the sheet (even reordered) yields the same identities and only appended copies are new.
/// </summary>
internal sealed class OccurrenceNumbering
{
    private readonly Dictionary<Sale, int> _seen = [];

    /// <summary>Returns the identity of the next line holding <paramref name="sale"/>.</summary>
    public SaleIdentity Next(Sale sale)
    {
        ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_seen, sale, out _);
        count++;
        return new SaleIdentity(sale, count);
    }

    /// <summary>Numbers a whole sheet in order.</summary>
    public static IEnumerable<SaleIdentity> Number(IEnumerable<Sale> sheet)
    {
        var numbering = new OccurrenceNumbering();
        foreach (var sale in sheet)
        {
            yield return numbering.Next(sale);
        }
    }
}
