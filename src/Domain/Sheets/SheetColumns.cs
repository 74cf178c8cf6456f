using Sales.Domain.Parsing;

namespace Sales.Domain.Sheets;

/// <summary>Every column of the three sheets by name, so that an error names its column without counting positions.</summary>
internal static class SheetColumns
{
    public static SheetColumn ProductName { get; } = new("Nom", ColumnRule.Text("product name"), "Name", "Nom produit");

    /// <summary>In the products sheet (its key) and in the sales sheet (the product sold).</summary>
    public static SheetColumn ProductReference { get; } = new("ID Référence produit", ColumnRule.Text("product reference"), "Référence produit", "Référence", "Product reference", "Reference");

    public static SheetColumn Price { get; } = new("Prix", ColumnRule.Amount("price", ValueRanges.MaxPrice), "Price", "Prix unitaire", "Unit price");

    public static SheetColumn Stock { get; } = new("Stock", ColumnRule.WholeNumber("stock", 0, ValueRanges.MaxStock));

    /// <summary>In the stores sheet (its key) and in the sales sheet (the store that sold).</summary>
    public static SheetColumn StoreId { get; } = new("ID Magasin", ColumnRule.WholeNumber("store id", 1, int.MaxValue, namesBlank: true), "Magasin", "Store id", "Store");

    public static SheetColumn City { get; } = new("Ville", ColumnRule.Text("city"), "City");

    public static SheetColumn Employees { get; } = new("Nombre de salariés", ColumnRule.WholeNumber("number of employees", 0, ValueRanges.MaxEmployees), "Salariés", "Employees");

    public static SheetColumn Day { get; } = new("Date", ColumnRule.Day, "Day");

    public static SheetColumn Quantity { get; } = new("Quantité", ColumnRule.WholeNumber("quantity", 1, ValueRanges.MaxQuantity), "Quantity", "Qté");
}
