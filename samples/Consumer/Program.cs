using System.Globalization;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Sales.Application.Abstractions;
using Sales.Application.Import;
using Sales.Infrastructure;

// Usage: Consumer [folder holding produits.csv, magasins.csv, ventes.csv] [database file]
// Each sheet may also be an http(s) URL, e.g. the client's published Google Sheets links.
var samples = args.Length > 0 ? args[0] : "..";
var databasePath = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "sales-consumer.db");

var services = new ServiceCollection()
    .AddSales(options => options.DatabasePath = databasePath)
    .BuildServiceProvider();
await using (services)
{
    var mediator = services.GetRequiredService<IMediator>();
    var import = new ImportSheetsCommand(
        ProductsSource: Path.Combine(samples, "produits.csv"),
        StoresSource: Path.Combine(samples, "magasins.csv"),
        SalesSource: Path.Combine(samples, "ventes.csv"));
    try
    {
        // The same sheets twice: the second import finds every sales line already stored.
        for (var run = 1; run <= 2; run++)
        {
            var result = await mediator.Send(import);
            var sales = result.Sheets.Single(sheet => sheet.Kind == Sales.Domain.Sheets.SheetKind.Sales);
            Console.WriteLine(Invariant($"import #{result.ImportId}: {result.NewSales} new sales lines, {sales.Duplicate} already stored, {sales.Rejected} rejected"));
        }

        var totals = await mediator.Send(new GetStoredTotalsQuery());
        Console.WriteLine(Invariant($"stored: {totals.Products} products, {totals.Stores} stores, {totals.SalesLines} sales lines, {totals.UnitsSold} units"));
        Console.WriteLine(Invariant($"total revenue: {totals.TotalRevenue:0.00}"));

        // Analyses: once Sales.Application.Analysis.RunAnalysesCommand is in the package, send it
        // here the same way (mediator.Send(new RunAnalysesCommand())) and print its results.
        return 0;
    }
    catch (Exception error) when (error is SheetSourceException or StoreUnavailableException)
    {
        Console.Error.WriteLine($"error: {error.Message}");
        return 1;
    }
}

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
