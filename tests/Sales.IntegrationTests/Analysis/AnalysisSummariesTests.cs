using System.Globalization;
using System.Text;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Analysis;

/// <summary>
/// The analyses read the run's summaries (sales by day, by product and store) instead of the sales
/// table: every figure they store is the one the sales table itself gives when summed directly,
/// over days with gaps, repeated lines, two imports and a price change between them.
/// </summary>
public sealed class AnalysisSummariesTests : IDisposable
{
    private readonly Workspace _workspace = AnalysisFixture.NewWorkspace();

    public void Dispose() => _workspace.Dispose();

    public static TheoryData<string, string> StoredAndDirect => new()
    {
        {
            "SELECT sales_lines, units, revenue_cents, first_day, last_day FROM latest_total_revenue",
            "SELECT COUNT(*), SUM(quantity), SUM(quantity * unit_price_cents), MIN(sale_date), MAX(sale_date) FROM sales"
        },
        {
            "SELECT product_reference, units, revenue_cents FROM latest_revenue_by_product",
            "SELECT p.reference, COALESCE(SUM(s.quantity), 0), COALESCE(SUM(s.quantity * s.unit_price_cents), 0) FROM products AS p LEFT JOIN sales AS s ON s.product_reference = p.reference GROUP BY p.reference"
        },
        {
            "SELECT store_id, units, revenue_cents FROM latest_revenue_by_store",
            "SELECT st.id, COALESCE(SUM(s.quantity), 0), COALESCE(SUM(s.quantity * s.unit_price_cents), 0) FROM stores AS st LEFT JOIN sales AS s ON s.store_id = st.id GROUP BY st.id"
        },
        {
            "SELECT city, units, revenue_cents FROM latest_revenue_by_city",
            "SELECT st.city, COALESCE(SUM(s.quantity), 0), COALESCE(SUM(s.quantity * s.unit_price_cents), 0) FROM stores AS st LEFT JOIN sales AS s ON s.store_id = st.id GROUP BY st.city"
        },
        {
            "SELECT day, sales_lines, units, revenue_cents FROM latest_revenue_by_day WHERE sales_lines > 0",
            "SELECT sale_date, COUNT(*), SUM(quantity), SUM(quantity * unit_price_cents) FROM sales GROUP BY sale_date"
        },
        {
            "SELECT day, revenue_cents FROM latest_revenue_7_day_average WHERE revenue_cents > 0",
            "SELECT sale_date, SUM(quantity * unit_price_cents) FROM sales GROUP BY sale_date"
        },
        {
            "SELECT weekday_number, sales_lines, units, revenue_cents FROM latest_revenue_by_weekday WHERE sales_lines > 0",
            "SELECT (CAST(strftime('%w', sale_date) AS INTEGER) + 6) % 7 + 1, COUNT(*), SUM(quantity), SUM(quantity * unit_price_cents) FROM sales GROUP BY 1"
        },
        {
            "SELECT SUM(sales_lines), SUM(units), SUM(revenue_cents) FROM latest_revenue_by_week",
            "SELECT COUNT(*), SUM(quantity), SUM(quantity * unit_price_cents) FROM sales"
        },
        {
            "SELECT product_reference, units FROM latest_stock_coverage",
            "SELECT p.reference, COALESCE(SUM(s.quantity), 0) FROM products AS p LEFT JOIN sales AS s ON s.product_reference = p.reference GROUP BY p.reference"
        },
        {
            "SELECT city, units FROM latest_best_seller_by_city",
            """
            SELECT city, MAX(units) FROM (
                SELECT st.city, s.product_reference, SUM(s.quantity) AS units
                FROM sales AS s JOIN stores AS st ON st.id = s.store_id GROUP BY st.city, s.product_reference)
            GROUP BY city
            """
        },
        {
            "SELECT sales_lines FROM analysis_runs ORDER BY id DESC LIMIT 1",
            "SELECT COUNT(*) FROM sales"
        },
    };

    [Theory]
    [MemberData(nameof(StoredAndDirect))]
    public async Task Every_stored_figure_is_the_sum_of_the_sales_table_itself(string stored, string direct)
    {
        await ImportAndAnalyzeAsync();

        Assert.True(_workspace.Database.Scalar($"SELECT COUNT(*) FROM ({stored})") > 0);
        Assert.Equal(0, _workspace.Database.Scalar($"SELECT COUNT(*) FROM (SELECT * FROM ({stored}) EXCEPT SELECT * FROM ({direct}))"));
        Assert.Equal(0, _workspace.Database.Scalar($"SELECT COUNT(*) FROM (SELECT * FROM ({direct}) EXCEPT SELECT * FROM ({stored}))"));
    }

    [Fact]
    public async Task A_store_revenue_beyond_64_bits_in_old_data_is_inexact_like_every_other_total_not_a_saturated_integer()
    {
        // Stored before the value ranges existed (docs/value-ranges.md): 10^12 euros x 2,147,483,647 units overflows into a float.
        await _workspace.ImportAsync();
        _workspace.Database.Execute("""
            INSERT INTO sales (sale_date, product_reference, store_id, quantity, occurrence, unit_price_cents, import_id)
            VALUES ('2024-01-02', 'P1', 1, 2147483647, 1, 100000000000000, 1)
            """);

        await _workspace.AnalyzeAsync();

        Assert.Equal(1, _workspace.Database.Scalar("SELECT COUNT(*) FROM latest_revenue_by_store WHERE typeof(revenue_cents) = 'real'"));
        Assert.Equal(0, _workspace.Database.Scalar($"SELECT COUNT(*) FROM latest_revenue_by_store WHERE revenue_cents = {long.MaxValue}"));
        Assert.Equal(1, _workspace.Database.Scalar("SELECT COUNT(*) FROM latest_total_revenue WHERE typeof(revenue_cents) = 'real'"));
    }

    // 600 lines over the first quarter of 2024, one day in five without sales, then 150 more after
    // P1's price rose: past lines keep their price, so revenue is not units x one price.
    private async Task ImportAndAnalyzeAsync()
    {
        var random = new Random(15);
        var lines = new StringBuilder(Sheets.SalesHeader);
        AppendLines(lines, random, 600);
        _workspace.Write("ventes.csv", lines.ToString());
        await _workspace.ImportAsync();

        _workspace.Write("produits.csv", AnalysisFixture.Products.Replace("Alpha,P1,10.00,31", "Alpha,P1,12.34,31", StringComparison.Ordinal));
        AppendLines(lines, random, 150);
        _workspace.Write("ventes.csv", lines.ToString());
        await _workspace.ImportAsync();
        await _workspace.AnalyzeAsync();
    }

    private static void AppendLines(StringBuilder lines, Random random, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var day = new DateOnly(2024, 1, 1).AddDays(random.Next(91));
            if (day.DayNumber % 5 == 0)
            {
                continue;
            }

            lines.Append(CultureInfo.InvariantCulture, $"\n{day:yyyy-MM-dd},P{random.Next(1, 4)},{random.Next(1, 10)},{random.Next(1, 5)}");
        }
    }
}
