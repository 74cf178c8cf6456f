using Sales.Domain.Sheets;

namespace Sales.UnitTests.Domain;

public class SheetKindNamesTests
{
    [Theory]
    [InlineData(SheetKind.Products, "products")]
    [InlineData(SheetKind.Stores, "stores")]
    [InlineData(SheetKind.Sales, "sales")]
    public void Each_sheet_has_one_name_printed_stored_and_written_in_messages(SheetKind kind, string name) =>
        Assert.Equal(name, kind.Name());
}
