using System.Text;
using Dapper;
using Sales.Application.Abstractions;
using Sales.Application.Import;
using Sales.Domain.Sheets;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests;

/// <summary>Imports from real files into real SQLite files.</summary>
public sealed class ImportTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private Task<ImportResult> ImportAsync(string? products, string? stores, string? sales, bool strict = false) =>
        _workspace.SendAsync(new ImportSheetsCommand(products, stores, sales) { Strict = strict });

    private Task<ImportResult> ImportSamplesAsync() =>
        ImportAsync(Repository.Sample("produits.csv"), Repository.Sample("magasins.csv"), Repository.Sample("ventes.csv"));

    [Fact]
    public async Task The_client_extract_is_stored_whole_once()
    {
        var first = await ImportSamplesAsync();
        var second = await ImportSamplesAsync();

        Assert.Equal([5, 7, 30], first.Sheets.Select(s => s.New));
        Assert.Equal([0, 0, 0], second.Sheets.Select(s => s.New));
        Assert.Equal([5, 7, 30], second.Sheets.Select(s => s.Duplicate));
        Assert.Equal(30, _workspace.Database.Count("sales"));
        using var connection = _workspace.Database.Open();
        Assert.Equal(526878, connection.ExecuteScalar<long>("SELECT SUM(quantity * unit_price_cents) FROM sales"));
        Assert.Equal(6, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM import_log WHERE outcome = 'succeeded'"));
    }

    [Fact]
    public async Task A_failed_import_leaves_the_data_exactly_as_before()
    {
        await ImportSamplesAsync();
        var before = _workspace.Database.Dump();
        var products = _workspace.Write("produits.csv", Sheets.Products("Produit A,REF001,99.99,1", "Produit Z,REF099,1.00,1"));
        var sales = _workspace.Write("ventes.csv", "Date,ID Référence produit,ID Magasin\n2023-07-01,REF001,1\n");

        var error = await Assert.ThrowsAsync<SheetSourceException>(() => ImportAsync(products, Repository.Sample("magasins.csv"), sales));

        Assert.Contains("'Quantité'", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, _workspace.Database.Dump());
        using var connection = _workspace.Database.Open();
        Assert.Equal("failed", connection.ExecuteScalar<string>("SELECT outcome FROM imports ORDER BY id DESC LIMIT 1"));
    }

    [Fact]
    public async Task Rejected_lines_are_stored_with_import_source_line_text_and_reason()
    {
        var sales = _workspace.Write("ventes.csv", Sheets.Sales("2023-07-01,REF001,2,1", "2023-07-01,REF001,deux,1", "2023-07-02,REF404,1,1"));

        var result = await ImportAsync(Repository.Sample("produits.csv"), Repository.Sample("magasins.csv"), sales);

        Assert.Equal(2, result.Sheets.Single(s => s.Kind == SheetKind.Sales).Rejected);
        var importId = Assert.NotNull(result.ImportId);
        using var connection = _workspace.Database.Open();
        var rows = connection.Query<(long ImportId, string Source, long Line, string Column, string Raw, string Reason)>(
            "SELECT import_id, source, line_number, column_name, raw_text, reason FROM rejected_lines ORDER BY line_number").ToList();
        Assert.Equal(
            [(importId, sales, 3L, "Quantité", "2023-07-01,REF001,deux,1", "'deux' is not a whole number"),
             (importId, sales, 4L, "ID Référence produit", "2023-07-02,REF404,1,1", "unknown product 'REF404'")],
            rows);
    }

    [Fact]
    public async Task Strict_mode_stores_nothing_when_a_line_is_refused()
    {
        var sales = _workspace.Write("ventes.csv", Sheets.Sales("2023-07-01,REF001,2,1", "2023-07-02,REF404,1,1"));

        var error = await Assert.ThrowsAsync<SheetSourceException>(() =>
            ImportAsync(Repository.Sample("produits.csv"), Repository.Sample("magasins.csv"), sales, strict: true));

        Assert.Equal(3, error.LineNumber);
        Assert.Equal(0, _workspace.Database.Count("products"));
        Assert.Equal(0, _workspace.Database.Count("sales"));
    }

    [Fact]
    public async Task A_french_spreadsheet_export_is_read_like_the_original()
    {
        await ImportSamplesAsync();
        var windows1252 = CodePagesEncoding();
        var products = _workspace.File("produits-fr.csv");
        File.WriteAllBytes(products, windows1252.GetBytes("Nom;ID Référence produit;Prix;Stock\r\n\"Produit A; édition\";REF001;49,99;100\r\n"));
        var sales = _workspace.File("ventes-fr.csv");
        File.WriteAllBytes(sales, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("Date;ID Référence produit;Quantité;ID Magasin\r\n27/05/2023;REF001;5;1\r\n28/05/2023;REF002;3;2\r\n")]);

        var result = await ImportAsync(products, null, sales);

        Assert.Equal(1, result.Sheets[0].Updated);
        Assert.Equal(0, result.Sheets[1].New);
        Assert.Equal(2, result.Sheets[1].Duplicate);
        using var connection = _workspace.Database.Open();
        Assert.Equal("Produit A; édition", connection.ExecuteScalar<string>("SELECT name FROM products WHERE reference = 'REF001'"));
        Assert.Equal(4999, connection.ExecuteScalar<long>("SELECT unit_price_cents FROM products WHERE reference = 'REF001'"));
    }

    private static Encoding CodePagesEncoding() => CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
}
