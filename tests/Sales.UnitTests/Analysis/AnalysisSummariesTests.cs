using Sales.Infrastructure.Persistence;

namespace Sales.UnitTests.Analysis;

public sealed class AnalysisSummariesTests
{
    [Fact]
    public void The_embedded_summaries_are_the_sales_by_day_and_by_product_and_store()
    {
        Assert.Equal(["sales_by_day", "sales_by_product_store"], AnalysisSummaries.All.Select(s => s.Name));
    }

    [Fact]
    public void A_summary_is_not_taken_for_an_analysis()
    {
        Assert.DoesNotContain(AnalysisCatalog.All, analysis => analysis.Name.StartsWith("sales_by_", StringComparison.Ordinal));
    }

    [Fact]
    public void A_name_that_cannot_be_a_table_name_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => AnalysisSummaries.Parse("Sales-By-Week", "SELECT 1"));
    }

    [Fact]
    public void A_file_gives_its_select_without_the_final_semicolon()
    {
        var summary = AnalysisSummaries.Parse("sales_by_week", "-- Sales by week.\nSELECT 1 AS units;\n");

        Assert.Equal("sales_by_week", summary.Name);
        Assert.Equal("-- Sales by week.\nSELECT 1 AS units", summary.Sql);
    }
}
