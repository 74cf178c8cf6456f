using Sales.Application.Analysis;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Analysis;

/// <summary>
/// The analyses of sales dynamics against figures computed by hand, on the products and stores of
/// <see cref="AnalysisFixture"/> (P1 at 10.00, P2 at 2.45) and 8 sales lines over 16 days,
/// Monday 2024-01-01 to Tuesday 2024-01-16 (3 ISO weeks, the third partial):
/// daily revenue in cents 2000, 0, 1000, 0, 0, 0, 980 | 3000, 0, 490, 0, 0, 0, 1000 | 1000, 245; total 9715.
/// </summary>
public sealed class DynamicsFiguresTests : IAsyncLifetime, IDisposable
{
    private static readonly string Sales = Sheets.Sales(
        "2024-01-01,P1,2,1",
        "2024-01-03,P1,1,2",
        "2024-01-07,P2,4,1",
        "2024-01-08,P1,3,3",
        "2024-01-10,P2,2,2",
        "2024-01-14,P1,1,1",
        "2024-01-15,P1,1,2",
        "2024-01-16,P2,1,1");

    private readonly Workspace _workspace = AnalysisFixture.NewWorkspace();
    private StoredResults _results = null!;

    public async Task InitializeAsync()
    {
        _workspace.Write("ventes.csv", Sales);
        await _workspace.ImportAsync();
        await _workspace.AnalyzeAsync();
        _results = await _workspace.LatestAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Revenue_by_week_with_the_change_against_the_previous_week()
    {
        // W01: 2000+1000+980 = 3980 (3 lines, 7 units). W02: 3000+490+1000 = 4490 (3 lines, 6 units):
        // +510/3980 = +12.814 % -> 1281. W03 (Monday and Tuesday only): 1000+245 = 1245: -3245/4490 = -72.272 % -> -7227.
        Assert.Equal(
            [
                Row("2024-01-01", "2024-01-07", "2024-W01", 3L, 7L, 39.80m, null),
                Row("2024-01-08", "2024-01-14", "2024-W02", 3L, 6L, 44.90m, 12.81m),
                Row("2024-01-15", "2024-01-21", "2024-W03", 2L, 2L, 12.45m, -72.27m),
            ],
            Rows("revenue_by_week"));
        Assert.Equal(["week_start", "week_end", "iso_week", "sales_lines", "units", "revenue_eur", "change_pct"], Table("revenue_by_week").Columns);
    }

    [Fact]
    public void Revenue_by_weekday_averages_over_every_occurrence_of_the_day_in_the_period()
    {
        // 16 days: Monday and Tuesday occur 3 times, the other days twice.
        // Monday 2000+3000+1000 = 6000 / 3 = 2000; Tuesday 245 / 3 = 81.67 -> 82 cents;
        // Wednesday 1000+490 = 1490 / 2 = 745; Sunday 980+1000 = 1980 / 2 = 990.
        Assert.Equal(
            [
                Row(1L, "Monday", 3L, 3L, 6L, 60.00m, 20.00m),
                Row(2L, "Tuesday", 3L, 1L, 1L, 2.45m, 0.82m),
                Row(3L, "Wednesday", 2L, 2L, 3L, 14.90m, 7.45m),
                Row(4L, "Thursday", 2L, 0L, 0L, 0.00m, 0.00m),
                Row(5L, "Friday", 2L, 0L, 0L, 0.00m, 0.00m),
                Row(6L, "Saturday", 2L, 0L, 0L, 0.00m, 0.00m),
                Row(7L, "Sunday", 2L, 2L, 5L, 19.80m, 9.90m),
            ],
            Rows("revenue_by_weekday"));
    }

    [Fact]
    public void Seven_day_average_starts_on_the_seventh_day_and_counts_days_without_sales()
    {
        // Day 7: 3980 / 7 = 568.57 -> 569; day 8: 4980 / 7 = 711.43 -> 711; day 10: 4470 / 7 = 638.57 -> 639;
        // day 14: 4490 / 7 = 641.43 -> 641; day 15: 2490 / 7 = 355.71 -> 356; day 16: 2735 / 7 = 390.71 -> 391.
        var rows = Rows("revenue_7_day_average");
        Assert.Equal(16, rows.Count);
        Assert.All(rows.Take(6), row => Assert.Null(row[3]));
        Assert.Equal(Row("2024-01-02", 0.00m, 20.00m, null), rows[1]);
        Assert.Equal(Row("2024-01-07", 9.80m, 39.80m, 5.69m), rows[6]);
        Assert.Equal(Row("2024-01-08", 30.00m, 49.80m, 7.11m), rows[7]);
        Assert.Equal(Row("2024-01-10", 4.90m, 44.70m, 6.39m), rows[9]);
        Assert.Equal(Row("2024-01-14", 10.00m, 44.90m, 6.41m), rows[13]);
        Assert.Equal(Row("2024-01-15", 10.00m, 24.90m, 3.56m), rows[14]);
        Assert.Equal(Row("2024-01-16", 2.45m, 27.35m, 3.91m), rows[15]);
    }

    [Fact]
    public void Last_7_days_against_the_7_before()
    {
        // Last 7 days 10th..16th: 490+1000+1000+245 = 2735; the 7 before, 3rd..9th: 1000+980+3000 = 4980;
        // -2245/4980 = -45.080 % -> -4508.
        Assert.Equal([Row("2024-01-10", "2024-01-16", 27.35m, 49.80m, -45.08m)], Rows("revenue_last_7_days"));
    }

    [Fact]
    public async Task Fewer_than_14_days_leave_the_previous_7_days_and_the_change_empty()
    {
        // The shared fixture spans 2024-01-01..03: the last 7 days reach before the first day.
        using var shortPeriod = AnalysisFixture.NewWorkspace();
        await shortPeriod.ImportAsync();
        await shortPeriod.AnalyzeAsync();
        var results = await shortPeriod.LatestAsync();

        var last7 = results.Tables.Single(t => t.Name == "revenue_last_7_days").Rows.Single().ToArray();
        Assert.Equal(Row("2023-12-28", "2024-01-03", 104.70m, null, null), last7);
        Assert.Single(results.Tables.Single(t => t.Name == "revenue_by_week").Rows);
    }

    private ResultTable Table(string name) => _results.Tables.Single(t => t.Name == name);

    private List<object?[]> Rows(string name) => Table(name).Rows.Select(r => r.ToArray()).ToList();

    private static object?[] Row(params object?[] values) => values;
}
