using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Sales.Application.Import;
using Sales.Infrastructure;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests;

/// <summary>What a package consumer does: one AddSales call, then commands through IMediator.</summary>
public sealed class AddSalesTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private ServiceProvider Services() =>
        new ServiceCollection().AddSales(options => options.DatabasePath = _directory.File("sales.db")).BuildServiceProvider();

    [Fact]
    public async Task One_call_wires_the_import_and_the_stored_totals()
    {
        await using var services = Services();
        var mediator = services.GetRequiredService<IMediator>();

        var import = await mediator.Send(new ImportSheetsCommand(
            Repository.Sample("produits.csv"), Repository.Sample("magasins.csv"), Repository.Sample("ventes.csv")));
        var totals = await mediator.Send(new GetStoredTotalsQuery());

        Assert.Equal(30, import.NewSales);
        Assert.Equal(new StoredTotals(Products: 5, Stores: 7, SalesLines: 30, UnitsSold: 122, TotalRevenue: 5268.78m), totals);
    }

    [Fact]
    public async Task A_new_database_is_migrated_and_totals_zero()
    {
        await using var services = Services();

        var totals = await services.GetRequiredService<IMediator>().Send(new GetStoredTotalsQuery());

        Assert.Equal(new StoredTotals(0, 0, 0, 0, 0m), totals);
        Assert.Equal(0, Databases.Count(_directory.File("sales.db"), "sales"));
    }

    [Fact]
    public async Task Revenue_keeps_the_price_each_line_was_imported_at()
    {
        await using var services = Services();
        var mediator = services.GetRequiredService<IMediator>();
        await mediator.Send(new ImportSheetsCommand(
            Repository.Sample("produits.csv"), Repository.Sample("magasins.csv"), Repository.Sample("ventes.csv")));
        var dearer = File.ReadAllText(Repository.Sample("produits.csv")).Replace("REF001,49.99", "REF001,59.99", StringComparison.Ordinal);

        var priceChange = await mediator.Send(new ImportSheetsCommand(_directory.Write("produits.csv", dearer), null, null));
        var totals = await mediator.Send(new GetStoredTotalsQuery());

        Assert.Equal(1, priceChange.Sheets.Single().Updated);
        Assert.Equal(5268.78m, totals.TotalRevenue);
    }
}
