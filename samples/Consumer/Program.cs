using System.Globalization;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Sales.Application.Abstractions;
using Sales.Application.Analysis;
using Sales.Application.Import;
using Sales.Domain.Sheets;
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
            var sales = result.Sheets.Single(sheet => sheet.Kind == SheetKind.Sales);
            Console.WriteLine(Invariant($"import #{result.ImportId}: {result.NewSales} new sales lines, {sales.Duplicate} already stored, {sales.Rejected} rejected"));
        }

        var analyses = await mediator.Send(new RunAnalysesCommand());
        Console.WriteLine(Invariant($"analysis run #{analyses.Run.Id} over {analyses.Run.SalesLines} sales lines:"));
        foreach (var analysis in analyses.Analyses)
        {
            Console.WriteLine(Invariant($"  {analysis.Name}: {analysis.Rows} row(s)"));
        }

        // Stored results keep money in cents; Present turns revenue_cents into revenue_eur, exactly.
        var results = await mediator.Send(new GetLatestResultsQuery());
        var totalRevenue = ResultPresentation.Present(results.Tables.Single(table => table.Name == "total_revenue"));
        var revenue = (decimal)totalRevenue.Rows.Single()[totalRevenue.Columns.ToList().IndexOf("revenue_eur")]!;
        Console.WriteLine(Invariant($"total revenue: {revenue:0.00}"));
        return 0;
    }
    catch (Exception error) when (error is SheetSourceException or StoreUnavailableException)
    {
        Console.Error.WriteLine($"error: {error.Message}");
        return 1;
    }
}

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
