using Sales.Infrastructure.Persistence;

namespace Sales.UnitTests.Analysis;

public sealed class AnalysisCatalogTests
{
    [Fact]
    public void The_embedded_analyses_run_in_the_order_of_their_file_prefix()
    {
        Assert.Equal(
            [
                "total_revenue", "revenue_by_product", "revenue_by_city", "revenue_by_store", "revenue_by_day", "best_seller_by_city", "stock_coverage",
                "revenue_by_week", "revenue_by_weekday", "revenue_7_day_average", "revenue_last_7_days",
            ],
            AnalysisCatalog.All.Select(a => a.Name));
    }

    [Fact]
    public void A_file_names_its_analysis_its_table_and_its_title()
    {
        var analysis = AnalysisCatalog.Parse("80_units_by_weekday", "-- Units by weekday.\n-- More words.\nSELECT 1 AS units;\n");

        Assert.Equal("units_by_weekday", analysis.Name);
        Assert.Equal("analysis_units_by_weekday", analysis.Table);
        Assert.Equal("Units by weekday.", analysis.Title);
        Assert.EndsWith("SELECT 1 AS units", analysis.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_that_cannot_be_a_table_name_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => AnalysisCatalog.Parse("10_Revenue-By-Day", "SELECT 1"));
    }
}
