using Sales.Domain.Parsing;

namespace Sales.Domain.Sheets;

/// <summary>Readers of the keyed sheets.</summary>
internal static class KeyedSheets
{
    /// <summary>A reader of the products sheet.</summary>
    public static KeyedSheet<string, Product> Products() =>
        new(RowParsers.TryParseProduct, p => p.Reference, SheetColumns.ProductReference.Header);

    /// <summary>A reader of the stores sheet.</summary>
    public static KeyedSheet<int, Store> Stores() =>
        new(RowParsers.TryParseStore, s => s.Id, SheetColumns.StoreId.Header);
}
