using Dapper;
using Sales.Application.Abstractions;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Hardening;

/// <summary>Defective sheets are refused with an error that says what to fix; defective lines are recorded as rejected.</summary>
public sealed class InputsRefusedTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private string ProductsFile => _workspace.Write("p.csv", Sheets.TwoProducts);

    private string StoresFile => _workspace.Write("s.csv", Sheets.TwoStores);

    [Fact]
    public async Task A_missing_column_is_named()
    {
        var sales = _workspace.Write("v.csv", "Date,ID Référence produit,ID Magasin\n2023-05-27,REF001,1\n");

        var error = await Assert.ThrowsAsync<SheetSourceException>(() => _workspace.ImportAsync(ProductsFile, StoresFile, sales));

        Assert.Contains("'Quantité'", error.Message, StringComparison.Ordinal);
        Assert.Contains(sales, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        var sales = _workspace.Write("v.csv", string.Empty);

        var error = await Assert.ThrowsAsync<SheetSourceException>(() => _workspace.ImportAsync(ProductsFile, StoresFile, sales));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_header_only_file_is_not_an_error_and_imports_nothing()
    {
        var before = await _workspace.ImportAsync(ProductsFile, StoresFile, _workspace.Write("v.csv", Sheets.DistinctSales(3)));
        var sales = _workspace.Write("header.csv", Sheets.Sales());

        var result = await _workspace.ImportAsync(null, null, sales);

        var sheet = Assert.Single(result.Sheets);
        Assert.Equal((0, 0, 0), (sheet.Read, sheet.New, sheet.Rejected));
        Assert.Equal(3, _workspace.Database.Scalar("SELECT COUNT(*) FROM sales"));
        Assert.Equal(3, before.NewSales);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task A_header_only_file_says_nothing_to_import_through_the_host()
    {
        var sales = _workspace.Write("header.csv", Sheets.Sales());

        var (exitCode, output, _) = await _workspace.RunImportAsync("--products", ProductsFile, "--stores", StoresFile, "--sales", sales);

        Assert.Equal(0, exitCode);
        Assert.Contains("nothing to import", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unbalanced_quote_names_the_file_and_line_and_imports_nothing()
    {
        var sales = _workspace.Write("v.csv", Sheets.Sales() + "2023-05-27,REF001,1,1\n2023-05-28,\"REF002,1,1\n2023-05-29,REF001,1,1\n");

        var error = await Assert.ThrowsAsync<SheetSourceException>(() => _workspace.ImportAsync(ProductsFile, StoresFile, sales));

        Assert.Equal(sales, error.Source);
        Assert.Equal(3, error.LineNumber);
        Assert.Equal(0, _workspace.Database.Scalar("SELECT COUNT(*) FROM sales"));
    }

    [Fact]
    public async Task Conflicting_product_rows_fail_the_import_naming_both_lines()
    {
        var products = _workspace.Write("p.csv", Sheets.TwoProducts + "Produit A bis,REF001,59.99,100\n");

        var error = await Assert.ThrowsAsync<SheetSourceException>(() => _workspace.ImportAsync(products, StoresFile, null));

        Assert.Contains("REF001", error.Message, StringComparison.Ordinal);
        Assert.Contains("lines 2 and 4", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _workspace.Database.Scalar("SELECT COUNT(*) FROM products"));
    }

    [Fact]
    public async Task Line_defects_are_recorded_as_rejected_with_line_column_and_reason()
    {
        var products = _workspace.Write("p.csv", Sheets.TwoProducts + "Produit C,REF003,-1,5\nProduit D,REF004,2.50,-3\nProduit E,,2.50,3\n");
        var sales = _workspace.Write("v.csv", Sheets.Sales() + string.Join('\n',
            "2023-05-27,REF001,abc,1",
            "2023-05-27,REF001,0,1",
            "2023-05-27,REF001,-2,1",
            "2023-05-27,REF001,,1",
            "2023-05-27,,1,1",
            "2023-05-27,REF999,1,1",
            "2023-05-27,REF001,1,42",
            "2023-05-27,REF001,1,1") + "\n");

        var result = await _workspace.ImportAsync(products, StoresFile, sales);

        Assert.Equal(1, result.NewSales);
        var rejected = RejectedLines();
        Assert.Equal(
        [
            "products:4:Prix:negative",
            "products:5:Stock:negative",
            "products:6:ID Référence produit:blank",
            "sales:2:Quantité:not a whole number",
            "sales:3:Quantité:must be positive",
            "sales:4:Quantité:must be positive",
            "sales:5:Quantité:missing",
            "sales:6:ID Référence produit:blank",
            "sales:7:ID Référence produit:unknown product",
            "sales:8:ID Magasin:unknown store",
        ], rejected.Select(r => $"{r.Sheet}:{r.Line}:{r.Column}:{Keyword(r.Reason)}"));
    }

    [Fact]
    public async Task Sql_in_any_field_is_stored_verbatim()
    {
        const string Injection = "'; DROP TABLE sales; --";
        var products = _workspace.Write("p.csv", Sheets.Products() + $"\"{Injection}\",\"R'1\"\"\",1.00,1\n");
        var stores = _workspace.Write("s.csv", Sheets.Stores() + $"1,\"{Injection}\",1\n");
        var sales = _workspace.Write("v.csv", Sheets.Sales() + "2023-05-27,\"R'1\"\"\",1,1\n2023-05-27,\"x'); DELETE FROM products; --\",1,1\n");

        var result = await _workspace.ImportAsync(products, stores, sales);

        Assert.Equal(1, result.NewSales);
        Assert.Equal(Injection, _workspace.Database.Text("SELECT name FROM products"));
        Assert.Equal(Injection, _workspace.Database.Text("SELECT city FROM stores"));
        Assert.Equal("R'1\"", _workspace.Database.Text("SELECT product_reference FROM sales"));
        Assert.Contains("DELETE FROM products", _workspace.Database.Text("SELECT raw_text FROM rejected_lines"), StringComparison.Ordinal);
        Assert.Equal(1, _workspace.Database.Scalar("SELECT COUNT(*) FROM products"));
    }

    private static string Keyword(string reason) =>
        new[] { "negative", "blank", "not a whole number", "must be positive", "missing", "unknown product", "unknown store" }
            .First(k => reason.Contains(k, StringComparison.Ordinal));

    private List<(string Sheet, long Line, string Column, string Reason)> RejectedLines()
    {
        using var connection = _workspace.Database.Open();
        return connection.Query<(string, long, string, string)>(
            "SELECT sheet, line_number, column_name, reason FROM rejected_lines ORDER BY sheet, line_number").ToList();
    }
}
