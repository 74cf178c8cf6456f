using Sales.Application.Analysis;

namespace Sales.UnitTests.Analysis;

public sealed class ResultPresentationTests
{
    [Fact]
    public void Cents_become_exact_euros_with_two_decimals()
    {
        var stored = new ResultTable("total_revenue", "Total", ["units", "revenue_cents"], [[122L, 526878L]]);

        var presented = ResultPresentation.Present(stored);

        Assert.Equal(["units", "revenue_eur"], presented.Columns);
        var revenue = Assert.IsType<decimal>(presented.Rows[0][1]);
        Assert.Equal(5268.78m, revenue);
        Assert.Equal("5268.78", revenue.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Round_amounts_keep_their_two_decimals()
    {
        var presented = ResultPresentation.Present(new ResultTable("x", "x", ["revenue_cents"], [[500L]]));

        Assert.Equal("5.00", ((decimal)presented.Rows[0][0]!).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Hundredths_become_two_decimal_figures_and_empty_stays_empty()
    {
        var stored = new ResultTable("by_product", "By product", ["product_reference", "share_pct_x100", "coverage_days_x100"], [["P1", 2857L, null]]);

        var presented = ResultPresentation.Present(stored);

        Assert.Equal(["product_reference", "share_pct", "coverage_days"], presented.Columns);
        Assert.Equal("P1", presented.Rows[0][0]);
        Assert.Equal(28.57m, presented.Rows[0][1]);
        Assert.Null(presented.Rows[0][2]);
    }

    [Fact]
    public void A_floating_point_hundredths_value_is_shown_as_not_exact_without_failing_the_report()
    {
        var stored = new ResultTable("x", "x", ["share_pct_x100", "revenue_cents"], [[28.57d, 1.5e21d]]);

        var presented = ResultPresentation.Present(stored);

        Assert.Equal(["(not exact: 28.57; re-run analyze)", "(not exact: 1.5E+21; re-run analyze)"], presented.Rows[0]);
    }
}
