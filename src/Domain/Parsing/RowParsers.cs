using Sales.Domain.Sheets;

namespace Sales.Domain.Parsing;

/// <summary>
/// Turns the values of one line (in the order of <see cref="SheetLayout.Columns"/>) into a valid
/// entity, or the reason it is not valid. Each value is checked by its column's <see cref="ColumnRule"/>.
/// </summary>
internal static class RowParsers
{
    /// <summary>Parses a product line: blank reference or name, price or stock outside <see cref="ValueRanges"/> are refused.</summary>
    public static bool TryParseProduct(IReadOnlyList<string> values, out Product product, out RowError error)
    {
        if (Text(SheetColumns.ProductReference, values[1], out var reference, out error)
            && Text(SheetColumns.ProductName, values[0], out var name, out error)
            && Amount(SheetColumns.Price, values[2], out var price, out error)
            && WholeNumber(SheetColumns.Stock, values[3], out var stock, out error))
        {
            product = new Product(reference, name, price, stock);
            return true;
        }

        product = null!;
        return false;
    }

    /// <summary>Parses a store line: blank or non-numeric id, blank city, employees outside <see cref="ValueRanges"/> are refused.</summary>
    public static bool TryParseStore(IReadOnlyList<string> values, out Store store, out RowError error)
    {
        if (WholeNumber(SheetColumns.StoreId, values[0], out var id, out error)
            && Text(SheetColumns.City, values[1], out var city, out error)
            && WholeNumber(SheetColumns.Employees, values[2], out var employees, out error))
        {
            store = new Store(id, city, employees);
            return true;
        }

        store = null!;
        return false;
    }

    /// <summary>
    /// Parses a sales line up to its day, which stays a <see cref="DateToken"/> until the sheet's
    /// date order is known: blank product or store, non-numeric or non-positive store id (as in the
    /// stores sheet), a quantity outside <see cref="ValueRanges"/>, and unreadable days are refused.
    /// </summary>
    public static bool TryParseSale(IReadOnlyList<string> values, out PendingSale sale, out RowError error)
    {
        if (Read(SheetColumns.Day, ValueParser.TryParseDate(values[0], out var date, out var reason), reason, out error)
            && Text(SheetColumns.ProductReference, values[1], out var reference, out error)
            && WholeNumber(SheetColumns.Quantity, values[2], out var quantity, out error)
            && WholeNumber(SheetColumns.StoreId, values[3], out var storeId, out error))
        {
            sale = new PendingSale(date, reference, quantity, storeId);
            return true;
        }

        sale = default;
        return false;
    }

    private static bool Text(SheetColumn column, string value, out string text, out RowError error) =>
        Read(column, column.Rule.TryReadText(value, out text, out var reason), reason, out error);

    private static bool WholeNumber(SheetColumn column, string value, out int number, out RowError error) =>
        Read(column, column.Rule.TryReadWholeNumber(value, out number, out var reason), reason, out error);

    private static bool Amount(SheetColumn column, string value, out decimal amount, out RowError error) =>
        Read(column, column.Rule.TryReadAmount(value, out amount, out var reason), reason, out error);

    // True when the value was read; otherwise the error names the column.
    private static bool Read(SheetColumn column, bool read, string reason, out RowError error)
    {
        error = read ? null! : new RowError(column.Header, reason);
        return read;
    }
}
