using System.Text;
using Sales.Application.Abstractions;
using Sales.Domain.Parsing;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Hardening;

/// <summary>Messy but valid exports are imported as the client meant them, without options.</summary>
public sealed class InputsAcceptedTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Utf8_with_bom_is_read_as_utf8()
    {
        var bom = new UTF8Encoding(true);
        var products = _workspace.Write("p.csv", Sheets.TwoProducts, bom);
        var stores = _workspace.Write("s.csv", Sheets.TwoStores.Replace("Paris", "Besançon", StringComparison.Ordinal), bom);

        await _workspace.ImportAsync(products, stores, null);

        Assert.Equal("Besançon", _workspace.Database.Text("SELECT city FROM stores WHERE id = 1"));
    }

    [Fact]
    public async Task Windows1252_semicolons_decimal_comma_and_crlf_of_a_french_export_are_detected()
    {
        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        var products = _workspace.WriteBytes("p.csv", windows1252.GetBytes(
            "Nom;ID Référence produit;Prix;Stock\r\nCafé crème;REF001;49,99;100\r\nThé;REF002;19,5;50\r\n"));
        var stores = _workspace.WriteBytes("s.csv", windows1252.GetBytes("ID Magasin;Ville;Nombre de salariés\r\n1;Orléans;10\r\n"));
        var sales = _workspace.WriteBytes("v.csv", windows1252.GetBytes("Date;ID Référence produit;Quantité;ID Magasin\r\n27/05/2023;REF001;2;1\r\n"));

        var result = await _workspace.ImportAsync(products, stores, sales);

        Assert.Equal(1, result.NewSales);
        Assert.Equal("Café crème", _workspace.Database.Text("SELECT name FROM products WHERE reference = 'REF001'"));
        Assert.Equal(1950, _workspace.Database.Scalar("SELECT unit_price_cents FROM products WHERE reference = 'REF002'"));
        Assert.Equal("Orléans", _workspace.Database.Text("SELECT city FROM stores"));
        Assert.Equal("2023-05-27", _workspace.Database.Text("SELECT sale_date FROM sales"));
    }

    [Fact]
    public async Task Quoted_fields_may_hold_delimiters_and_line_breaks()
    {
        var products = _workspace.Write("p.csv", Sheets.Products() + "\"Sac, grand\nmodèle\",REF001,\"49,99\",100\n");

        await _workspace.ImportAsync(products, null, null);

        Assert.Equal("Sac, grand\nmodèle", _workspace.Database.Text("SELECT name FROM products"));
        Assert.Equal(4999, _workspace.Database.Scalar("SELECT unit_price_cents FROM products"));
    }

    [Fact]
    public async Task Headers_match_whatever_their_case_accents_spaces_and_order_and_extra_columns_are_ignored()
    {
        var products = _workspace.Write("p.csv", Sheets.TwoProducts);
        var stores = _workspace.Write("s.csv", Sheets.TwoStores);
        var sales = _workspace.Write("v.csv", " id magasin ,Commentaire, QUANTITE ,date,id reference produit\n1,ok,3,2023-05-27,REF001\n");

        var result = await _workspace.ImportAsync(products, stores, sales);

        Assert.Equal(1, result.NewSales);
        Assert.Equal(3, _workspace.Database.Scalar("SELECT quantity FROM sales WHERE store_id = 1 AND product_reference = 'REF001'"));
    }

    [Theory]
    [InlineData("2023-05-27\n2023-06-01", "2023-05-27", "2023-06-01")]
    [InlineData("27/5/2023\n1/6/2023", "2023-05-27", "2023-06-01")]
    [InlineData("5/27/2023\n6/1/2023", "2023-05-27", "2023-06-01")]
    public async Task Dates_are_read_in_the_order_the_whole_file_shows(string days, string first, string second)
    {
        var lines = string.Join('\n', days.Split('\n').Select(day => $"{day},REF001,1,1"));
        var sales = _workspace.Write("v.csv", Sheets.Sales() + lines + "\n");

        await _workspace.ImportAsync(_workspace.Write("p.csv", Sheets.TwoProducts), _workspace.Write("s.csv", Sheets.TwoStores), sales);

        Assert.Equal($"{first},{second}", _workspace.Database.Text("SELECT group_concat(sale_date, ',') FROM (SELECT sale_date FROM sales ORDER BY sale_date)"));
    }

    [Fact]
    public async Task Undecidable_day_order_is_refused_naming_an_example_and_the_option_then_settled_by_it()
    {
        var sales = _workspace.Write("v.csv", Sheets.Sales("1/2/2023,REF001,1,1", "3/4/2023,REF001,1,1"));
        var products = _workspace.Write("p.csv", Sheets.TwoProducts);
        var stores = _workspace.Write("s.csv", Sheets.TwoStores);

        var error = await Assert.ThrowsAsync<SheetSourceException>(() => _workspace.ImportAsync(products, stores, sales));
        Assert.Contains("--date-format", error.Message, StringComparison.Ordinal);
        Assert.Contains("1/2/2023", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _workspace.Database.Scalar("SELECT COUNT(*) FROM sales"));

        await _workspace.ImportAsync(products, stores, sales, adjust: c => c with { DateOrder = DateOrder.MonthFirst });
        Assert.Equal("2023-01-02", _workspace.Database.Text("SELECT MIN(sale_date) FROM sales"));
    }
}
