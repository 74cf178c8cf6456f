using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Sales.Application.Abstractions;
using Sales.Application.Import;
using Sales.Application.Progress;
using Sales.Domain.Sheets;

namespace Sales.UnitTests.Import;

/// <summary>The handler's conversation with its ports, with NSubstitute fakes.</summary>
public class ImportHandlerTests
{
    private readonly InMemorySheets _sheets = new();
    private readonly IStoreSchema _schema = Substitute.For<IStoreSchema>();
    private readonly IImportStore _store = Substitute.For<IImportStore>();

    public ImportHandlerTests()
    {
        _sheets.Serve("produits.csv", Sheets.ProductsHeader, "Produit A,REF001,49.99,100");
        _sheets.Serve("magasins.csv", Sheets.StoresHeader, "1,Paris,10");
    }

    private Task<ImportResult> ImportAsync(ImportSheetsCommand command) =>
        new SheetsImporter(_sheets, _schema, _store, TimeProvider.System, new SaleDayPolicy(), new WorkProgress()).ImportAsync(command, CancellationToken.None);

    [Fact]
    public async Task Strict_mode_fails_on_a_refused_line_before_any_write()
    {
        _sheets.Serve("ventes.csv", Sheets.SalesHeader, "2023-05-27,REF001,-1,1");

        var error = await Assert.ThrowsAsync<SheetSourceException>(() =>
            ImportAsync(new ImportSheetsCommand("produits.csv", "magasins.csv", "ventes.csv") { Strict = true }));

        Assert.Equal(2, error.LineNumber);
        Assert.Equal("Quantité", error.Column);
        await _store.DidNotReceiveWithAnyArgs().BeginAsync(default, default, default);
        await _store.Received(1).RecordFailureAsync(Arg.Any<DateTimeOffset>(), Arg.Any<DateTimeOffset>(), Arg.Is<string>(m => m.Contains("--strict")), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task The_database_is_prepared_before_any_sheet_is_fetched()
    {
        var reader = Substitute.For<ISheetReader>();
        _schema.PrepareAsync(default).ThrowsAsyncForAnyArgs(new StoreUnavailableException("directory missing"));

        await Assert.ThrowsAsync<StoreUnavailableException>(() =>
            new SheetsImporter(reader, _schema, _store, TimeProvider.System, new SaleDayPolicy(), new WorkProgress()).ImportAsync(new ImportSheetsCommand("p", "s", "v"), CancellationToken.None));

        await reader.DidNotReceiveWithAnyArgs().OpenAsync(default, default!, default, default);
    }

    [Fact]
    public async Task A_sheet_that_cannot_be_read_fails_the_import_without_a_transaction()
    {
        var reader = Substitute.For<ISheetReader>();
        reader.OpenAsync(SheetKind.Products, "p", null, Arg.Any<CancellationToken>()).ThrowsAsync(new SheetSourceException("p", "HTTP 404"));

        var error = await Assert.ThrowsAsync<SheetSourceException>(() =>
            new SheetsImporter(reader, _schema, _store, TimeProvider.System, new SaleDayPolicy(), new WorkProgress()).ImportAsync(new ImportSheetsCommand("p", "s", "v"), CancellationToken.None));

        Assert.Equal("p: HTTP 404", error.Message);
        await _store.DidNotReceiveWithAnyArgs().BeginAsync(default, default, default);
    }

    [Fact]
    public async Task A_failure_inside_the_transaction_is_not_committed()
    {
        var session = Substitute.For<IImportSession>();
        _store.BeginAsync(default, default, default).ReturnsForAnyArgs(session);
        session.UpsertStoresAsync(default!, default).ThrowsAsyncForAnyArgs(new InvalidOperationException("disk full"));
        _sheets.Serve("ventes.csv", Sheets.SalesHeader, "2023-05-27,REF001,1,1");

        await Assert.ThrowsAsync<InvalidOperationException>(() => ImportAsync(new ImportSheetsCommand("produits.csv", "magasins.csv", "ventes.csv")));

        await session.DidNotReceiveWithAnyArgs().CommitAsync(default, default);
        await session.Received(1).DisposeAsync();
    }

    [Fact]
    public async Task A_products_sheet_listing_a_reference_twice_with_different_values_is_refused()
    {
        _sheets.Serve("produits.csv", Sheets.ProductsHeader, "Produit A,REF001,49.99,100", "Produit A,REF001,45.00,100");

        var error = await Assert.ThrowsAsync<SheetSourceException>(() => ImportAsync(new ImportSheetsCommand("produits.csv", null, null)));

        Assert.Equal(3, error.LineNumber);
        Assert.Contains("REF001", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_undecidable_day_order_names_an_example_and_the_option()
    {
        _sheets.Serve("ventes.csv", Sheets.SalesHeader, "1/6/2023,REF001,1,1", "2/6/2023,REF001,1,1");

        var error = await Assert.ThrowsAsync<SheetSourceException>(() => ImportAsync(new ImportSheetsCommand(null, null, "ventes.csv")));

        Assert.Contains("1/6/2023", error.Message, StringComparison.Ordinal);
        Assert.Contains("--date-format", error.Message, StringComparison.Ordinal);
    }
}
