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
        if (TryParseSale(values[0], values[1], values[2], values[3], out var read, out error))
        {
            var date = read.Date.IsSlashed ? read.Date.WithText(values[0].Trim()) : read.Date;
            sale = new PendingSale(date, read.ProductReference.ToString(), read.Quantity, read.StoreId);
            return true;
        }

        sale = default;
        return false;
    }

    /// <summary>
    /// As <see cref="TryParseSale(IReadOnlyList{string}, out PendingSale, out RowError)"/>, from the
    /// characters of the line (<see cref="ISheetLine.Value"/>): no string is made for a valid line, and a
    /// slashed day's token does not name its text yet.
    /// </summary>
    public static bool TryParseSale(ISheetLine line, out SaleValues sale, out RowError error) =>
        TryParseSale(line.Value(0), line.Value(1), line.Value(2), line.Value(3), out sale, out error);

    private static bool TryParseSale(
        ReadOnlySpan<char> day, ReadOnlySpan<char> reference, ReadOnlySpan<char> quantity, ReadOnlySpan<char> store, out SaleValues sale, out RowError error)
    {
        sale = default;
        var rule = SheetColumns.ProductReference.Rule;
        if (Read(SheetColumns.Day, ValueParser.TryParseDate(day, out var date, out var reason), reason, out error)
            && Read(SheetColumns.ProductReference, rule.TryReadText(reference, out var trimmedReference, out reason), reason, out error)
            && WholeNumber(SheetColumns.Quantity, quantity, out var units, out error)
            && WholeNumber(SheetColumns.StoreId, store, out var storeId, out error))
        {
            sale = new SaleValues(date, trimmedReference, units, storeId);
            return true;
        }

        return false;
    }

    private static bool Text(SheetColumn column, string value, out string text, out RowError error) =>
        Read(column, column.Rule.TryReadText(value, out text, out var reason), reason, out error);

    private static bool WholeNumber(SheetColumn column, ReadOnlySpan<char> value, out int number, out RowError error) =>
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
