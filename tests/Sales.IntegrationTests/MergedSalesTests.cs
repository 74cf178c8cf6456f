using Sales.Application.Abstractions;
using Sales.Application.Import;
using Sales.Domain;
using Sales.Infrastructure.Persistence;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests;

/// <summary>
/// The merge keeps the new sales it meets when they are few (a grown sheet: no second pass), and
/// none when there are more than it keeps (a first import), whether or not it knows the count ahead.
/// </summary>
public sealed class MergedSalesTests : IAsyncLifetime, IDisposable
{
    private static readonly DateOnly Day = new(2023, 5, 27);

    private readonly Workspace _workspace = new();

    public async Task InitializeAsync()
    {
        var sales = _workspace.Write("ventes.csv", Sheets.Sales("2023-05-27,REF001,1,1", "2023-05-29,REF001,1,1"));
        await _workspace.SendAsync(new ImportSheetsCommand(Repository.Sample("produits.csv"), Repository.Sample("magasins.csv"), sales));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _workspace.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void New_sales_before_between_and_after_the_stored_ones_are_kept_in_order(bool countKnown)
    {
        List<PricedSale> sales = [Sale(-1, 1), Sale(0, 1), Sale(1, 1), Sale(1, 2), Sale(2, 1), Sale(3, 1)];

        var merged = Merge(countKnown ? sales : sales.Select(sale => sale));

        Assert.False(merged.AllStored);
        Assert.Equal([sales[0], sales[2], sales[3], sales[5]], merged.NewSales!);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void More_new_sales_than_are_kept_are_left_to_a_second_pass(bool countKnown)
    {
        List<PricedSale> sales = [Sale(0, 1), .. Enumerable.Range(1, StoredIdentityMerge.NewSalesKept + 1).Select(occurrence => Sale(3, occurrence))];

        var merged = Merge(countKnown ? sales : sales.Select(sale => sale));

        Assert.Null(merged.NewSales);
        Assert.True(merged.Stored.IsStored(0));
        Assert.False(merged.Stored.IsStored(1));
    }

    private MergedSales Merge(IEnumerable<PricedSale> sales)
    {
        using var connection = _workspace.Database.Open();
        return StoredIdentityMerge.Run(connection, readAhead: null, sales, new SaleTexts(), default);
    }

    // Days after 27 May 2023: 0 and 2 are stored with occurrence 1.
    private static PricedSale Sale(int day, int occurrence) =>
        new(new SaleIdentity(new Sale(Day.AddDays(day), "REF001", 1, 1), occurrence), 1.50m);
}
