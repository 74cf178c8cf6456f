using Sales.Domain.Sheets;

namespace Sales.Domain.Parsing;

/// <summary>
/// Turns the values of one line (in the order of <see cref="SheetLayout.Columns"/>) into a valid
/// entity, or the reason it is not valid.
/// </summary>
internal static class RowParsers
{
    /// <summary>Parses a product line: blank reference or name, price or stock outside <see cref="ValueRanges"/> are refused.</summary>
    public static bool TryParseProduct(IReadOnlyList<string> values, out Product product, out RowError error)
    {
        product = null!;
        var name = values[0].Trim();
        var reference = values[1].Trim();
        if (reference.Length == 0)
        {
            error = new RowError(SheetColumns.ProductReference.Header, "product reference is blank");
            return false;
        }

        if (name.Length == 0)
        {
            error = new RowError(SheetColumns.ProductName.Header, "product name is blank");
            return false;
        }

        if (!ValueParser.TryParseEuros(values[2], out var price, out var reason))
        {
            error = new RowError(SheetColumns.Price.Header, reason);
            return false;
        }

        if (price < 0)
        {
            error = new RowError(SheetColumns.Price.Header, $"price must not be negative, got {price}");
            return false;
        }

        if (price > ValueRanges.MaxPrice)
        {
            error = new RowError(SheetColumns.Price.Header, ValueRanges.AboveMax("price", price, ValueRanges.MaxPrice));
            return false;
        }

        if (!ValueParser.TryParseWholeNumber(values[3], out var stock, out reason))
        {
            error = new RowError(SheetColumns.Stock.Header, reason);
            return false;
        }

        if (stock < 0)
        {
            error = new RowError(SheetColumns.Stock.Header, $"stock must not be negative, got {stock}");
            return false;
        }

        if (stock > ValueRanges.MaxStock)
        {
            error = new RowError(SheetColumns.Stock.Header, ValueRanges.AboveMax("stock", stock, ValueRanges.MaxStock));
            return false;
        }

        product = new Product(reference, name, price, stock);
        error = null!;
        return true;
    }

    /// <summary>Parses a store line: blank or non-numeric id, blank city, employees outside <see cref="ValueRanges"/> are refused.</summary>
    public static bool TryParseStore(IReadOnlyList<string> values, out Store store, out RowError error)
    {
        store = null!;
        if (!ValueParser.TryParseWholeNumber(values[0], out var id, out var reason))
        {
            error = new RowError(SheetColumns.StoreId.Header, values[0].Trim().Length == 0 ? "store id is blank" : reason);
            return false;
        }

        if (id <= 0)
        {
            error = new RowError(SheetColumns.StoreId.Header, $"store id must be positive, got {id}");
            return false;
        }

        var city = values[1].Trim();
        if (city.Length == 0)
        {
            error = new RowError(SheetColumns.City.Header, "city is blank");
            return false;
        }

        if (!ValueParser.TryParseWholeNumber(values[2], out var employees, out reason))
        {
            error = new RowError(SheetColumns.Employees.Header, reason);
            return false;
        }

        if (employees < 0)
        {
            error = new RowError(SheetColumns.Employees.Header, $"number of employees must not be negative, got {employees}");
            return false;
        }

        if (employees > ValueRanges.MaxEmployees)
        {
            error = new RowError(SheetColumns.Employees.Header, ValueRanges.AboveMax("number of employees", employees, ValueRanges.MaxEmployees));
            return false;
        }

        store = new Store(id, city, employees);
        error = null!;
        return true;
    }

    /// <summary>
    /// Parses a sales line up to its day, which stays a <see cref="DateToken"/> until the sheet's
    /// date order is known: blank product or store, non-numeric or non-positive store id (as in the
    /// stores sheet), a quantity outside <see cref="ValueRanges"/>, and unreadable days are refused.
    /// </summary>
    public static bool TryParseSale(IReadOnlyList<string> values, out PendingSale sale, out RowError error)
    {
        sale = default;
        if (!ValueParser.TryParseDate(values[0], out var date, out var reason))
        {
            error = new RowError(SheetColumns.Day.Header, reason);
            return false;
        }

        var reference = values[1].Trim();
        if (reference.Length == 0)
        {
            error = new RowError(SheetColumns.ProductReference.Header, "product reference is blank");
            return false;
        }

        if (!ValueParser.TryParseWholeNumber(values[2], out var quantity, out reason))
        {
            error = new RowError(SheetColumns.Quantity.Header, reason);
            return false;
        }

        if (quantity <= 0)
        {
            error = new RowError(SheetColumns.Quantity.Header, $"quantity must be positive, got {quantity}");
            return false;
        }

        if (quantity > ValueRanges.MaxQuantity)
        {
            error = new RowError(SheetColumns.Quantity.Header, ValueRanges.AboveMax("quantity", quantity, ValueRanges.MaxQuantity));
            return false;
        }

        if (!ValueParser.TryParseWholeNumber(values[3], out var storeId, out reason))
        {
            error = new RowError(SheetColumns.StoreId.Header, values[3].Trim().Length == 0 ? "store id is blank" : reason);
            return false;
        }

        if (storeId <= 0)
        {
            error = new RowError(SheetColumns.StoreId.Header, $"store id must be positive, got {storeId}");
            return false;
        }

        sale = new PendingSale(date, reference, quantity, storeId);
        error = null!;
        return true;
    }
}
