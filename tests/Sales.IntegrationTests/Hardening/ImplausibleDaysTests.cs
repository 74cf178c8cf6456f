using System.Diagnostics;
using Sales.Application.Abstractions;
using Sales.Application.Analysis;
using Sales.Application.Import;
using Sales.Application.Profiling;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Hardening;

/// <summary>
/// Issue 11 §3: a sale day outside the plausible window (2000-01-01 to the import's day + 1 by
/// default, on an injected clock) is a refused line; the profile names such days, and days far from
/// the sheet's bulk; no analysis row count follows one line's day.
/// </summary>
public sealed class ImplausibleDaysTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private string ProductsFile => _workspace.Write("p.csv", Sheets.TwoProducts);

    private string StoresFile => _workspace.Write("s.csv", Sheets.TwoStores);

    private static string SampleSales => File.ReadAllText(Repository.Sample("ventes.csv")).ReplaceLineEndings("\n");

    private Task<ImportResult> ImportAsync(string sales, bool strict = false, Action<Sales.Infrastructure.SalesOptions>? configure = null) =>
        ClockedServices.SendAsync(_workspace, new ImportSheetsCommand(Repository.Sample("produits.csv"), Repository.Sample("magasins.csv"), sales) { Strict = strict }, configure);

    [Theory]
    [InlineData("2203-05-27")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("1999-12-31")]
    [InlineData("2024-06-17")]
    [InlineData("27/5/2203")]
    public async Task A_day_outside_the_window_is_a_refused_line_with_its_column_and_reason(string day)
    {
        var sales = _workspace.Write("v.csv", SampleSales + $"{day},REF001,1,1\n");

        var result = await ImportAsync(sales);

        var sheet = result.Sheets.Single(s => s.Kind == Sales.Domain.Sheets.SheetKind.Sales);
        Assert.Equal((31, 30, 1), (sheet.Read, sheet.New, sheet.Rejected));
        Assert.Equal($"32|Date|{day},REF001,1,1", _workspace.Database.Text("SELECT line_number || '|' || column_name || '|' || raw_text FROM rejected_lines"));
        Assert.Contains("outside the plausible sale days 2000-01-01 to 2024-06-16", _workspace.Database.Text("SELECT reason FROM rejected_lines"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_and_last_days_of_the_window_are_accepted()
    {
        var sales = _workspace.Write("v.csv", Sheets.Sales("2000-01-01,REF001,1,1", "2024-06-16,REF001,1,1", "16/06/2024,REF002,1,1"));

        var result = await ImportAsync(sales);

        Assert.Equal(3, result.NewSales);
    }

    [Fact]
    public async Task The_window_follows_the_settings()
    {
        var sales = _workspace.Write("v.csv", Sheets.Sales("2019-12-31,REF001,1,1", "2020-01-01,REF001,1,1", "2024-06-15,REF001,1,1", "2024-06-16,REF001,1,1"));

        var result = await ImportAsync(sales, configure: options =>
        {
            options.EarliestSaleDay = new DateOnly(2020, 1, 1);
            options.LatestSaleDayAfterToday = 0;
        });

        Assert.Equal(2, result.NewSales);
        Assert.Equal("2,5", _workspace.Database.Text("SELECT group_concat(line_number) FROM (SELECT line_number FROM rejected_lines ORDER BY 1)"));
    }

    [Fact]
    public async Task Strict_fails_on_an_implausible_day_and_stores_nothing()
    {
        var sales = _workspace.Write("v.csv", SampleSales + "2203-05-27,REF001,1,1\n");

        var error = await Assert.ThrowsAsync<SheetSourceException>(() => ImportAsync(sales, strict: true));

        Assert.Equal((32L, "Date"), (error.LineNumber, error.Column));
        Assert.Equal(0, _workspace.Database.Scalar("SELECT COUNT(*) FROM sales"));
    }

    [Fact]
    public async Task Analyses_row_counts_do_not_follow_one_implausible_day()
    {
        var sales = _workspace.Write("v.csv", SampleSales + "0001-01-01,REF001,1,1\n9999-12-31,REF001,1,1\n");
        await ImportAsync(sales);

        await ClockedServices.SendAsync(_workspace, new RunAnalysesCommand());

        Assert.Equal(30, _workspace.Database.Scalar("SELECT COUNT(*) FROM analysis_revenue_by_day"));
    }

    [Fact]
    public async Task Revenue_by_day_stays_bounded_on_far_days_stored_before_the_window_existed()
    {
        await ImportAsync(_workspace.Write("v.csv", SampleSales));
        _workspace.Database.Execute("""
            INSERT INTO sales (sale_date, product_reference, store_id, quantity, occurrence, unit_price_cents, import_id)
            SELECT day, 'REF001', 1, 1, 1, 100, (SELECT MAX(id) FROM imports) FROM (SELECT '0001-01-01' AS day UNION ALL SELECT '9999-12-31')
            """);

        await ClockedServices.SendAsync(_workspace, new RunAnalysesCommand());

        // 36,525 gap-filled days from 0001-01-01, then one row per later day with sales (the 30 + 9999-12-31).
        Assert.Equal(36_525 + 31, _workspace.Database.Scalar("SELECT COUNT(*) FROM analysis_revenue_by_day"));
        Assert.Equal(
            _workspace.Database.Scalar("SELECT SUM(quantity * unit_price_cents) FROM sales"),
            _workspace.Database.Scalar("SELECT SUM(revenue_cents) FROM analysis_revenue_by_day"));
    }

    [Fact]
    public async Task The_profile_reports_days_outside_the_window_and_far_from_the_bulk_with_their_lines()
    {
        var sales = _workspace.Write("v.csv", SampleSales + "2203-05-27,REF001,1,1\n2013-06-01,REF002,1,2\n");

        var profile = await ClockedServices.SendAsync(_workspace,
            new ProfileSheetsCommand(Repository.Sample("produits.csv"), Repository.Sample("magasins.csv"), sales));

        var findings = string.Join("\n", profile.Findings);
        Assert.DoesNotContain("No defect found", findings, StringComparison.Ordinal);
        Assert.Contains("line 32: '2203-05-27' (2203-05-27) is outside the plausible sale days", findings, StringComparison.Ordinal);
        Assert.Contains("1 line of the sales sheet is dated far from the bulk of the sheet", findings, StringComparison.Ordinal);
        Assert.Contains("line 33: 2013-06-01", findings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_library_consumer_with_a_setting_out_of_range_gets_its_name()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            ImportAsync(_workspace.Write("v.csv", SampleSales), configure: options => options.EarliestSaleDay = new DateOnly(1800, 1, 1)));

        // MediatR wraps what the container throws while building the handler.
        while (error is not Microsoft.Extensions.Options.OptionsValidationException && error.InnerException is not null)
        {
            error = error.InnerException;
        }

        Assert.Equal("setting Sales:EarliestSaleDay must be 1900-01-01 or later, got 1800-01-01", error.Message);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task A_setting_out_of_its_range_is_a_one_line_usage_error_naming_it()
    {
        var start = HostProcess.StartInfo(_workspace.Directory, ["import", "--db", _workspace.DatabasePath, "--products", ProductsFile, "--stores", StoresFile]);
        start.Environment["Sales__LatestSaleDayAfterToday"] = "-1";
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Equal("error: setting Sales:LatestSaleDayAfterToday (env Sales__LatestSaleDayAfterToday) is '-1': expected a whole number from 0 to 366", error.Trim());
        Assert.False(File.Exists(_workspace.DatabasePath));
    }
}
