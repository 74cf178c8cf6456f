using Microsoft.Extensions.DependencyInjection;
using Sales.Application.Abstractions;
using Sales.Domain.Sheets;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests;

/// <summary>The CSV adapter on real files: line numbers, quoting, blank lines.</summary>
public sealed class CsvSheetTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private async Task<List<(long Line, string[] Values, string Raw)>> ReadAsync(SheetKind kind, string content)
    {
        var path = _workspace.Write("sheet.csv", content);
        await using var services = _workspace.Services();
        using var sheet = (await services.GetRequiredService<ISheetReader>().OpenAsync(kind, path, null, CancellationToken.None)).Sheet!;
        return [.. sheet.ReadLines().Select(l => (l.LineNumber, l.Values.ToArray(), l.RawText))];
    }

    [Fact]
    public async Task Line_numbers_count_file_lines_across_quoted_line_breaks_and_blank_lines()
    {
        var lines = await ReadAsync(SheetKind.Products,
            Sheets.Products() + "\"Produit\nsur deux lignes\",REF001,1.00,1\n\nProduit B,REF002,2.00,2\n");

        Assert.Equal([2L, 5L], lines.Select(l => l.Line));
        Assert.Equal("Produit\nsur deux lignes", lines[0].Values[0]);
        Assert.Equal("Produit B,REF002,2.00,2", lines[1].Raw);
    }

    [Fact]
    public async Task Quoted_fields_may_hold_the_delimiter_and_columns_come_in_layout_order()
    {
        var lines = await ReadAsync(SheetKind.Stores, "Ville,Nombre de salariés,ID Magasin\r\n\"Paris, 1er\",10,1\r\n");

        Assert.Equal(["1", "Paris, 1er", "10"], lines.Single().Values);
    }

    [Fact]
    public async Task The_delimiter_is_the_headers_even_when_a_line_below_has_none()
    {
        // CsvHelper's own detection, which wants the delimiter on every line of its buffer, picks ',' here
        // (docs/decisions/0021-delimiter-detected-from-the-header.md).
        var lines = await ReadAsync(SheetKind.Sales,
            "Date;ID Référence produit;Quantité;ID Magasin\nexport du 27/05, magasin 1\n27/05/2023;REF001;2;1\n");

        Assert.Equal(["27/05/2023", "REF001", "2", "1"], lines.Single(l => l.Line == 3).Values);
    }

    [Theory]
    [InlineData("Produit \"B,REF002,2.00,2\n")]
    [InlineData("\"Produit B,REF002,2.00,2\nProduit C,REF003,3.00,3\n")]
    public async Task An_unbalanced_quote_names_the_file_and_line(string brokenLine)
    {
        var path = _workspace.Write("broken.csv", Sheets.Products() + "Produit A,REF001,1.00,1\n" + brokenLine);
        await using var services = _workspace.Services();
        using var sheet = (await services.GetRequiredService<ISheetReader>().OpenAsync(SheetKind.Products, path, null, CancellationToken.None)).Sheet!;

        var error = Assert.Throws<SheetSourceException>(() => sheet.ReadLines().ToList());

        Assert.Equal(path, error.Source);
        Assert.Equal(3, error.LineNumber);
    }
}
