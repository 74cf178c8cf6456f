using System.Text;

namespace Sales.Domain.Sheets;

/// <summary>Every column of the three sheets by name, so that an error names its column without counting positions.</summary>
internal static class SheetColumns
{
    public static SheetColumn ProductName { get; } = new("Nom", "Name", "Nom produit");

    /// <summary>In the products sheet (its key) and in the sales sheet (the product sold).</summary>
    public static SheetColumn ProductReference { get; } = new("ID Référence produit", "Référence produit", "Référence", "Product reference", "Reference");

    public static SheetColumn Price { get; } = new("Prix", "Price", "Prix unitaire", "Unit price");

    public static SheetColumn Stock { get; } = new("Stock");

    /// <summary>In the stores sheet (its key) and in the sales sheet (the store that sold).</summary>
    public static SheetColumn StoreId { get; } = new("ID Magasin", "Magasin", "Store id", "Store");

    public static SheetColumn City { get; } = new("Ville", "City");

    public static SheetColumn Employees { get; } = new("Nombre de salariés", "Salariés", "Employees");

    public static SheetColumn Day { get; } = new("Date", "Day");

    public static SheetColumn Quantity { get; } = new("Quantité", "Quantity", "Qté");
}
