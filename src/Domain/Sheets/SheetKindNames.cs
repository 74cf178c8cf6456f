namespace Sales.Domain.Sheets;

/// <summary>The one name of each sheet, as printed, stored in the import log and written in messages.</summary>
public static class SheetKindNames
{
    /// <summary><c>products</c>, <c>stores</c> or <c>sales</c>.</summary>
    public static string Name(this SheetKind kind) => kind switch
    {
        SheetKind.Products => "products",
        SheetKind.Stores => "stores",
        SheetKind.Sales => "sales",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
