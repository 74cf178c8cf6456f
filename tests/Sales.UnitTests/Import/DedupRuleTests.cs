using Sales.Application.Abstractions;
using NSubstitute;
using Sales.Application.Import;
using Sales.Application.Progress;
using Sales.Domain.Sheets;

namespace Sales.UnitTests.Import;

/// <summary>
/// The dedup rule, through the import handler, without I/O: a sales line's identity is its
/// canonical content plus its occurrence number among identical lines of the sheet.
/// </summary>
public class DedupRuleTests
{
    private readonly InMemorySheets _sheets = new();
    private readonly InMemoryImportStore _store = new();

    public DedupRuleTests()
    {
        _sheets.Serve("produits.csv", Sheets.ProductsHeader, "Produit A,REF001,49.99,100", "Produit B,REF002,19.99,50");
        _sheets.Serve("magasins.csv", Sheets.StoresHeader, "1,Paris,10", "2,Marseille,5");
    }

    private async Task<SheetImportSummary> ImportSalesAsync(params string[] lines)
    {
        _sheets.Serve("ventes.csv", [Sheets.SalesHeader, .. lines]);
        var importer = new SheetsImporter(_sheets, Substitute.For<IStoreSchema>(), _store, TimeProvider.System, new SaleDayPolicy(), new WorkProgress());
        var result = await importer.ImportAsync(new ImportSheetsCommand("produits.csv", "magasins.csv", "ventes.csv"), CancellationToken.None);
        return result.Sheets.Single(s => s.Kind == SheetKind.Sales);
    }

    [Fact]
    public async Task The_same_file_twice_stores_nothing_new()
    {
        string[] sheet = ["2023-05-27,REF001,5,1", "2023-05-28,REF002,3,2"];
        Assert.Equal(2, (await ImportSalesAsync(sheet)).New);

        var again = await ImportSalesAsync(sheet);

        Assert.Equal(0, again.New);
        Assert.Equal(2, again.Duplicate);
        Assert.Equal(2, _store.Sales.Count);
    }

    [Fact]
    public async Task Identical_lines_are_separate_sales_and_only_a_further_copy_is_new()
    {
        string[] twice = ["2023-05-27,REF001,5,1", "2023-05-27,REF001,5,1"];

        Assert.Equal(2, (await ImportSalesAsync(twice)).New);
        Assert.Equal(0, (await ImportSalesAsync(twice)).New);

        var thrice = await ImportSalesAsync([.. twice, "2023-05-27,REF001,5,1"]);
        Assert.Equal(1, thrice.New);
        Assert.Equal(2, thrice.Duplicate);
        Assert.Equal([1, 2, 3], _store.Sales.Keys.Select(k => k.Occurrence).Order());
    }

    [Fact]
    public async Task A_line_edited_at_the_source_is_a_new_sale_and_its_old_form_is_reported_not_in_the_sheet_but_kept()
    {
        await ImportSalesAsync("2023-05-27,REF001,5,1", "2023-05-28,REF002,3,2");

        var edited = await ImportSalesAsync("2023-05-27,REF001,5,1", "2023-05-28,REF002,4,2");

        Assert.Equal((1, 1, 1), (edited.New, edited.Duplicate, edited.StoredNotInSheet));
        Assert.Equal(3, _store.Sales.Count);
    }

    [Fact]
    public async Task Reordered_lines_store_nothing_new()
    {
        await ImportSalesAsync("2023-05-27,REF001,5,1", "2023-05-28,REF002,3,2", "2023-05-27,REF001,5,1");

        var reordered = await ImportSalesAsync("2023-05-27,REF001,5,1", "2023-05-27,REF001,5,1", "2023-05-28,REF002,3,2");

        Assert.Equal(0, reordered.New);
        Assert.Equal(3, _store.Sales.Count);
    }

    [Fact]
    public async Task A_day_written_in_another_format_is_the_same_sale()
    {
        await ImportSalesAsync("2023-05-27,REF001,5,1", "2023-05-28,REF002,3,2");

        var american = await ImportSalesAsync("5/27/2023,REF001,5,1", "5/28/2023,REF002,3,2");
        var french = await ImportSalesAsync("27/05/2023,REF001,5,1", "28/05/2023,REF002,3,2");

        Assert.Equal(0, american.New);
        Assert.Equal(0, french.New);
        Assert.Equal(2, _store.Sales.Count);
    }

    [Fact]
    public async Task Lines_appended_to_a_growing_sheet_are_the_only_new_ones()
    {
        string[] yesterday = ["2023-05-27,REF001,5,1", "2023-05-28,REF002,3,2"];
        await ImportSalesAsync(yesterday);

        var today = await ImportSalesAsync([.. yesterday, "2023-05-29,REF001,1,2", "2023-05-27,REF001,5,1"]);

        Assert.Equal(2, today.New);
        Assert.Equal(4, today.Read);
        Assert.Equal(4, _store.Sales.Count);
    }

    [Fact]
    public async Task Sales_naming_an_unknown_product_or_store_are_rejected_with_that_reason_and_not_stored()
    {
        var summary = await ImportSalesAsync("2023-05-27,REF001,5,1", "2023-05-27,REF999,5,1", "2023-05-27,REF001,5,9");

        Assert.Equal(1, summary.New);
        Assert.Equal(2, summary.Rejected);
        Assert.Equal([(3L, "unknown product 'REF999'"), (4L, "unknown store '9'")],
            summary.RejectedLines.Select(r => (r.LineNumber, r.Error.Reason)));
        Assert.Equal("2023-05-27,REF999,5,1", summary.RejectedLines[0].RawText);
        Assert.Single(_store.Sales);
    }

    [Fact]
    public async Task Invalid_lines_are_recorded_with_line_and_reason_and_the_rest_is_stored()
    {
        var summary = await ImportSalesAsync("2023-05-27,REF001,0,1", "2023-05-27,REF001,2,1", "2023-05-27,,2,1");

        Assert.Equal(1, summary.New);
        Assert.Equal([2L, 4L], summary.RejectedLines.Select(r => r.LineNumber));
        Assert.Equal([2L, 4L], _store.Rejected.Select(r => r.LineNumber));
    }

    [Fact]
    public async Task A_sale_keeps_the_price_of_its_import_when_the_price_changes_later()
    {
        await ImportSalesAsync("2023-05-27,REF001,5,1");
        _sheets.Serve("produits.csv", Sheets.ProductsHeader, "Produit A,REF001,59.99,100", "Produit B,REF002,19.99,50");

        var importer = new SheetsImporter(_sheets, Substitute.For<IStoreSchema>(), _store, TimeProvider.System, new SaleDayPolicy(), new WorkProgress());
        _sheets.Serve("ventes.csv", Sheets.SalesHeader, "2023-05-27,REF001,5,1", "2023-05-30,REF001,1,1");
        var result = await importer.ImportAsync(new ImportSheetsCommand("produits.csv", "magasins.csv", "ventes.csv"), CancellationToken.None);

        Assert.Equal(1, result.Sheets.Single(s => s.Kind == SheetKind.Products).Updated);
        Assert.Equal([49.99m, 59.99m], _store.Sales.OrderBy(s => s.Key.Content.Date).Select(s => s.Value));
    }
}
