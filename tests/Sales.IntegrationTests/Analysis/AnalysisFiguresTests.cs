using Sales.Application.Analysis;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Analysis;

/// <summary>
/// Each analysis on the fixture of <see cref="AnalysisFixture"/>, against figures computed by hand.
/// Line revenues (quantity x price in cents): 2x1000=2000, 4x245=980, 2x245=490, 1x1000=1000,
/// 2x1000=2000, 4x1000=4000; total 10470 cents = 104.70 EUR, 15 units, 6 lines.
/// </summary>
public sealed class AnalysisFiguresTests : IAsyncLifetime, IDisposable
{
    private readonly Workspace _workspace = AnalysisFixture.NewWorkspace();
    private StoredResults _results = null!;

    public async Task InitializeAsync()
    {
        await _workspace.ImportAsync();
        await _workspace.AnalyzeAsync();
        _results = await _workspace.LatestAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Total_revenue_and_units()
    {
        Assert.Equal([Row(6L, 15L, 104.70m, "2024-01-01", "2024-01-03")], Rows("total_revenue"));
        Assert.Equal(["sales_lines", "units", "revenue_eur", "first_day", "last_day"], Table("total_revenue").Columns);
    }

    [Fact]
    public void Revenue_by_product_with_share()
    {
        // P1: 2000+1000+2000+4000 = 9000 (9 units), 9000/10470 = 85.96 %; P2: 980+490 = 1470 (6 units), 14.04 %; P3 unsold.
        Assert.Equal(
            [Row("P1", "Alpha", 9L, 90.00m, 85.96m), Row("P2", "Beta", 6L, 14.70m, 14.04m), Row("P3", "Gamma", 0L, 0.00m, 0.00m)],
            Rows("revenue_by_product"));
    }

    [Fact]
    public void Revenue_by_city_with_share()
    {
        // Paris = stores 1 and 3: 2000+490+2000 + 1000 = 5490 (7 units), 52.44 %; Lyon: 980+4000 = 4980 (8 units), 47.56 %.
        Assert.Equal(
            [Row("Paris", 2L, 7L, 54.90m, 52.44m), Row("Lyon", 1L, 8L, 49.80m, 47.56m), Row("Nice", 1L, 0L, 0.00m, 0.00m)],
            Rows("revenue_by_city"));
    }

    [Fact]
    public void Revenue_by_store_with_revenue_per_employee()
    {
        // Store 1: 4490 / 4 = 1122.5 -> 11.23 (half up); store 2: 4980 / 3 = 1660 -> 16.60; store 3: 1000 / 2; store 4 has no employee.
        Assert.Equal(
            [
                Row(2L, "Lyon", 3L, 8L, 49.80m, 16.60m),
                Row(1L, "Paris", 4L, 6L, 44.90m, 11.23m),
                Row(3L, "Paris", 2L, 1L, 10.00m, 5.00m),
                Row(4L, "Nice", 0L, 0L, 0.00m, null),
            ],
            Rows("revenue_by_store"));
    }

    [Fact]
    public void Revenue_by_day_lists_the_day_without_sales()
    {
        Assert.Equal(
            [Row("2024-01-01", 3L, 8L, 49.80m), Row("2024-01-02", 0L, 0L, 0.00m), Row("2024-01-03", 3L, 7L, 54.90m)],
            Rows("revenue_by_day"));
    }

    [Fact]
    public void Best_seller_by_city_breaks_a_tie_on_units_by_revenue()
    {
        // Paris: P1 5 units vs P2 2. Lyon: P1 4 units (40.00) ties P2 4 units (9.80): P1 wins on revenue. Nice sold nothing.
        Assert.Equal(
            [Row("Lyon", "P1", "Alpha", 4L, 40.00m, 2L), Row("Paris", "P1", "Alpha", 5L, 50.00m, 1L)],
            Rows("best_seller_by_city"));
    }

    [Fact]
    public void Stock_coverage_over_the_days_covered()
    {
        // 3 days (1st to 3rd, the 2nd included). P1: 9 units -> 3.00/day, 31 in stock -> 10.33 days.
        // P2: 6 units -> 2.00/day, 0 in stock -> 0.00 days. P3: no sale -> no finite coverage.
        Assert.Equal(
            [Row("P2", "Beta", 0L, 6L, 3L, 2.00m, 0.00m), Row("P1", "Alpha", 31L, 9L, 3L, 3.00m, 10.33m), Row("P3", "Gamma", 7L, 0L, 3L, 0.00m, null)],
            Rows("stock_coverage"));
    }

    private ResultTable Table(string name) => _results.Tables.Single(t => t.Name == name);

    private List<object?[]> Rows(string name) => Table(name).Rows.Select(r => r.ToArray()).ToList();

    private static object?[] Row(params object?[] values) => values;
}
