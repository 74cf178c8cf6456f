using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Sales.Application.Analysis;
using Sales.Application.Import;
using Sales.Infrastructure;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests;

/// <summary>What a package consumer does: one AddSales call, then commands through IMediator.</summary>
public sealed class AddSalesTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task One_call_wires_the_import_the_analyses_and_their_results()
    {
        await using var services = new ServiceCollection()
            .AddSales(options => options.DatabasePath = _workspace.DatabasePath)
            .BuildServiceProvider();
        var mediator = services.GetRequiredService<IMediator>();

        var import = await mediator.Send(new ImportSheetsCommand(
            Repository.Sample("produits.csv"), Repository.Sample("magasins.csv"), Repository.Sample("ventes.csv")));
        var run = await mediator.Send(new RunAnalysesCommand());
        var results = await mediator.Send(new GetLatestResultsQuery());

        Assert.Equal(30, import.NewSales);
        Assert.Equal(30, run.Run.SalesLines);
        var totalRevenue = ResultPresentation.Present(results.Tables.Single(table => table.Name == "total_revenue"));
        Assert.Equal(5268.78m, totalRevenue.Rows.Single()[totalRevenue.Columns.ToList().IndexOf("revenue_eur")]);
    }
}
