using Sales.Application.Analysis;
using Sales.Application.Import;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Hardening;

/// <summary>
/// Issue 11 §7: every value has a range (docs/value-ranges.md); a value outside it, or too large to
/// read, is a refused line naming its column, never an exception; within the ranges every analysis
/// stays in exact 64-bit integers, and a stored result that is not one never breaks <c>report</c>.
/// </summary>
public sealed class NumberRangesTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private Task<ImportResult> ImportAsync(string products, string stores, string sales) =>
        ClockedServices.SendAsync(_workspace, new ImportSheetsCommand(
            _workspace.Write("p.csv", products), _workspace.Write("s.csv", stores), _workspace.Write("v.csv", sales)));

    private string Refused() => _workspace.Database.Text(
        "SELECT group_concat(sheet || ':' || line_number || ':' || column_name, ' ') FROM (SELECT * FROM rejected_lines ORDER BY sheet, line_number)");

    [Fact]
    public async Task A_price_beyond_any_number_is_a_refused_line_naming_its_column_not_an_overflow()
    {
        var products = Sheets.TwoProducts + "Produit C,REF003,79228162514264337593543950335,1\nProduit D,REF004,792281625142643375935439503350,1\n";

        var result = await ImportAsync(products, Sheets.TwoStores, Sheets.DistinctSales(3));

        Assert.Equal(3, result.NewSales);
        Assert.Equal("products:4:Prix products:5:Prix", Refused());
        Assert.Contains("price must be at most 10,000", _workspace.Database.Text("SELECT reason FROM rejected_lines WHERE line_number = 4"), StringComparison.Ordinal);
        Assert.Equal("'792281625142643375935439503350' is too large an amount", _workspace.Database.Text("SELECT reason FROM rejected_lines WHERE line_number = 5"));
    }

    [Fact]
    public async Task Values_at_the_edges_of_their_ranges_are_taken_and_one_step_beyond_refused()
    {
        var products = Sheets.Products("Max,REF001,10000.00,1000000000", "Free,REF002,0,0", "Too dear,REF003,10000.01,1", "Too many,REF004,1,1000000001");
        var stores = Sheets.Stores("2147483647,Paris,100000", "1,Lyon,0", "2,Lille,100001", "2147483648,Nice,1");
        var sales = Sheets.Sales("2023-05-27,REF001,1000,2147483647", "2023-05-27,REF002,1,1", "2023-05-28,REF001,1001,1", "2023-05-28,REF001,99999999999,1", "2023-05-28,REF001,1,99999999999");

        var result = await ImportAsync(products, stores, sales);

        Assert.Equal(2, result.NewSales);
        Assert.Equal("products:4:Prix products:5:Stock sales:4:Quantité sales:5:Quantité sales:6:ID Magasin stores:4:Nombre de salariés stores:5:ID Magasin", Refused());
        Assert.Equal(1_000_000_000, _workspace.Database.Scalar("SELECT quantity * unit_price_cents FROM sales WHERE store_id = 2147483647"));
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task The_largest_lines_are_analyzed_in_exact_integers_and_reported()
    {
        var products = Sheets.Products("Max,REF001,10000.00,1000000000");
        var stores = Sheets.Stores("1,Paris,1");
        var sales = Sheets.Sales() + string.Concat(Enumerable.Range(0, 50).Select(i => $"2023-05-{1 + (i % 28):00},REF001,1000,1\n"));
        await ImportAsync(products, stores, sales);

        await ClockedServices.SendAsync(_workspace, new RunAnalysesCommand());
        var report = await HostProcess.RunInAsync(_workspace.Directory, "report", "--db", _workspace.DatabasePath, "--format", "csv");

        Assert.Equal("50000000000|integer", _workspace.Database.Text("SELECT revenue_cents || '|' || typeof(revenue_cents) FROM analysis_total_revenue"));
        Assert.Equal(0, report.ExitCode);
        Assert.Contains("500000000.00", report.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shares_stay_integers_when_the_total_passes_ten_to_the_fourteen_cents()
    {
        await ImportAsync(Sheets.TwoProducts, Sheets.TwoStores, Sheets.DistinctSales(2));
        InsertSales(price: 1_000_000, quantity: 1000, count: 200_000);

        await ClockedServices.SendAsync(_workspace, new RunAnalysesCommand());

        Assert.Equal(0, _workspace.Database.Scalar("SELECT COUNT(*) FROM analysis_revenue_by_product WHERE typeof(share_pct_x100) NOT IN ('integer', 'null')"));
        Assert.Equal(0, _workspace.Database.Scalar("SELECT COUNT(*) FROM analysis_revenue_by_city WHERE typeof(share_pct_x100) NOT IN ('integer', 'null')"));
        Assert.Equal(10_000, _workspace.Database.Scalar("SELECT MAX(share_pct_x100) FROM analysis_revenue_by_product"));
        Assert.Equal(_workspace.Database.Scalar("SELECT SUM(quantity * unit_price_cents) FROM sales"), _workspace.Database.Scalar("SELECT revenue_cents FROM analysis_total_revenue"));
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task A_result_that_is_not_an_integer_never_breaks_report()
    {
        // Stored before the ranges existed: a price of 10^12 euros at 2,147,483,647 units overflows into a float.
        await ImportAsync(Sheets.TwoProducts, Sheets.TwoStores, Sheets.DistinctSales(2));
        InsertSales(price: 100_000_000_000_000, quantity: int.MaxValue, count: 1);
        await ClockedServices.SendAsync(_workspace, new RunAnalysesCommand());

        var report = await HostProcess.RunInAsync(_workspace.Directory, "report", "--db", _workspace.DatabasePath);

        Assert.Equal("real", _workspace.Database.Text("SELECT typeof(revenue_cents) FROM analysis_total_revenue"));
        Assert.Equal(0, report.ExitCode);
        Assert.Contains("(not exact: ", report.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(report.StandardError);
    }

    // Lines written straight into the table (occurrences 1..count of one content): far more than a test could import.
    private void InsertSales(long price, long quantity, int count) => _workspace.Database.Execute($"""
        WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})
        INSERT INTO sales (sale_date, product_reference, store_id, quantity, occurrence, unit_price_cents, import_id)
        SELECT '2020-02-02', 'REF001', 1, {quantity}, i, {price}, (SELECT MAX(id) FROM imports) FROM n
        """);
}
