using Sales.Domain.Sheets;

namespace Sales.Application.Profiling;

/// <summary>Combines the sheets' profiles: orphans across files, the period the sales cover, and the findings in sentences.</summary>
internal static class DataSetProfiler
{
    /// <summary>Completes the given sheets' profilers (any may be null) into the data set's profile.</summary>
    public static DataSetProfile Complete(SheetProfiler? products, SheetProfiler? stores, SheetProfiler? sales, Domain.Parsing.DateOrder? dateOrder)
    {
        var sheets = new[] { products, stores, sales }.OfType<SheetProfiler>().Select(p => p.Complete(dateOrder)).ToList();
        var coverage = sales is null ? null : Cover(sales, products, stores);
        return new DataSetProfile(sheets, coverage, ProfileNarrative.Describe(sheets, coverage));
    }

    private static SalesCoverage Cover(SheetProfiler sales, SheetProfiler? products, SheetProfiler? stores)
    {
        var days = sales.Days;
        DateOnly? first = days.Count == 0 ? null : days.Min();
        DateOnly? last = days.Count == 0 ? null : days.Max();
        var inRange = first is null ? 0 : last!.Value.DayNumber - first.Value.DayNumber + 1;
        var missing = Enumerable.Range(0, inRange).Select(offset => first!.Value.AddDays(offset)).Where(day => !days.Contains(day)).ToList();

        var orphans = new List<OrphanReference>();
        var productKeys = products?.Keys.ToHashSet(StringComparer.Ordinal);
        var storeKeys = stores?.Keys.ToHashSet(StringComparer.Ordinal);
        if (productKeys is not null)
        {
            orphans.AddRange(Unknown(sales.ProductsNamed, productKeys, SheetColumns.ProductReference.Header));
        }

        if (storeKeys is not null)
        {
            orphans.AddRange(Unknown(sales.StoresNamed, storeKeys, SheetColumns.StoreId.Header));
        }

        var unsoldProducts = productKeys?.Where(k => !sales.ProductsNamed.ContainsKey(k)).Order(StringComparer.Ordinal).ToList() ?? [];
        var quietStores = storeKeys?.Where(k => !sales.StoresNamed.ContainsKey(k)).OrderBy(k => k.Length).ThenBy(k => k, StringComparer.Ordinal).ToList() ?? [];
        return new SalesCoverage(first, last, inRange, days.Count, missing, orphans, unsoldProducts, quietStores);
    }

    private static IEnumerable<OrphanReference> Unknown(IReadOnlyDictionary<string, ReferenceTally> named, HashSet<string> known, string column) =>
        named.Where(n => !known.Contains(n.Key))
            .OrderBy(n => n.Value.FirstLineNumbers[0])
            .Select(n => new OrphanReference(column, n.Key, n.Value.Lines, n.Value.FirstLineNumbers));
}
