using System.Text.Json;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Analysis;

public sealed class AnalysisHistoryTests : IDisposable
{
    private readonly Workspace _workspace = AnalysisFixture.NewWorkspace();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Two_runs_keep_two_sets_of_results_and_latest_shows_the_second()
    {
        await _workspace.ImportAsync();
        var first = await _workspace.AnalyzeAsync();

        // The client raises P1 to 12.00 and appends one line: past lines keep the price they were imported at.
        _workspace.Write("produits.csv", AnalysisFixture.Products.Replace("Alpha,P1,10.00,31", "Alpha,P1,12.00,31", StringComparison.Ordinal));
        _workspace.Write("ventes.csv", AnalysisFixture.Sales + "2024-01-04,P1,1,4\n");
        await _workspace.ImportAsync();
        var second = await _workspace.AnalyzeAsync();

        Assert.Equal(first.Run.Id + 1, second.Run.Id);
        Assert.Equal((1L, 1), (first.Run.LastImportId, first.Run.ImportsCovered));
        Assert.Equal((2L, 2), (second.Run.LastImportId, second.Run.ImportsCovered));
        Assert.Equal(2, _workspace.Database.Scalar("SELECT COUNT(DISTINCT run_id) FROM analysis_total_revenue"));
        Assert.Equal(10470, _workspace.Database.Scalar($"SELECT revenue_cents FROM analysis_total_revenue WHERE run_id = {first.Run.Id}"));
        Assert.Equal(10470 + 1200, _workspace.Database.Scalar("SELECT revenue_cents FROM latest_total_revenue"));
        Assert.Equal(2 * 3, _workspace.Database.Scalar("SELECT COUNT(*) FROM analysis_revenue_by_product"));
        Assert.Equal(116.70m, (await _workspace.LatestAsync()).Tables[0].Rows[0][2]);
    }

    [Fact]
    public async Task Analyze_on_an_empty_database_stores_a_run_with_zero_totals()
    {
        var summary = await _workspace.AnalyzeAsync();

        Assert.Null(summary.Run.LastImportId);
        Assert.Equal(1, summary.Analyses.Single(a => a.Name == "total_revenue").Rows);
        Assert.Equal(0, summary.Analyses.Single(a => a.Name == "revenue_by_day").Rows);
        Assert.Equal(0, _workspace.Database.Scalar("SELECT revenue_cents FROM latest_total_revenue"));
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task Run_then_report_json_on_the_client_extract_prints_the_exact_total()
    {
        var samples = Path.Combine(Repository.Root, "samples");
        var run = await _workspace.RunHostAsync("run", "--db", _workspace.DatabasePath,
            "--products", Path.Combine(samples, "produits.csv"), "--stores", Path.Combine(samples, "magasins.csv"), "--sales", Path.Combine(samples, "ventes.csv"));
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("analysis run #1: 11 analyses over 30 sales lines", run.Output, StringComparison.Ordinal);

        var report = await _workspace.RunHostAsync("report", "--db", _workspace.DatabasePath, "--format", "json");
        Assert.True(report.ExitCode == 0, report.Error);
        Assert.Contains("\"revenue_eur\": 5268.78", report.Output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(report.Output);
        var analyses = json.RootElement.GetProperty("analyses").EnumerateArray().ToDictionary(a => a.GetProperty("name").GetString()!, a => a.GetProperty("rows"));
        var total = analyses["total_revenue"][0];
        Assert.Equal(5268.78m, total.GetProperty("revenue_eur").GetDecimal());
        Assert.Equal(122, total.GetProperty("units").GetInt32());
        Assert.Equal(30, analyses["revenue_by_day"].GetArrayLength());
        Assert.Equal(5268.78m, analyses["revenue_by_product"].EnumerateArray().Sum(p => p.GetProperty("revenue_eur").GetDecimal()));
        Assert.Equal(5268.78m, analyses["revenue_by_city"].EnumerateArray().Sum(p => p.GetProperty("revenue_eur").GetDecimal()));

        var table = await _workspace.RunHostAsync("report", "--db", _workspace.DatabasePath);
        Assert.Contains("5268.78", table.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("5268.780", table.Output, StringComparison.Ordinal);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task Report_out_writes_one_file_per_analysis_in_the_chosen_format()
    {
        await _workspace.ImportAsync();
        await _workspace.AnalyzeAsync();
        var directory = Path.Combine(_workspace.Directory, "report");

        var csv = await _workspace.RunHostAsync("report", "--db", _workspace.DatabasePath, "--format", "csv", "--out", directory);
        var markdown = await _workspace.RunHostAsync("report", "--db", _workspace.DatabasePath, "--format", "markdown", "--out", directory);

        Assert.True(csv.ExitCode == 0 && markdown.ExitCode == 0, csv.Error + markdown.Error);
        Assert.Equal(11, Directory.GetFiles(directory, "*.csv").Length);
        Assert.Equal(11, Directory.GetFiles(directory, "*.md").Length);
        var lines = File.ReadAllLines(Path.Combine(directory, "total_revenue.csv"));
        Assert.Equal(["sales_lines,units,revenue_eur,first_day,last_day", "6,15,104.70,2024-01-01,2024-01-03"], lines);
        Assert.Contains("| P1 | Alpha | 9 | 90.00 | 85.96 |", File.ReadAllText(Path.Combine(directory, "revenue_by_product.md")), StringComparison.Ordinal);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task Report_without_a_database_fails_and_creates_nothing()
    {
        var report = await _workspace.RunHostAsync("report", "--db", _workspace.DatabasePath);

        Assert.Equal(1, report.ExitCode);
        Assert.Contains("does not exist", report.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_workspace.DatabasePath));
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task Report_before_any_analysis_says_to_analyze_first()
    {
        await _workspace.ImportAsync();

        var report = await _workspace.RunHostAsync("report", "--db", _workspace.DatabasePath);

        Assert.Equal(1, report.ExitCode);
        Assert.Contains("no analysis run", report.Error, StringComparison.Ordinal);
    }
}
