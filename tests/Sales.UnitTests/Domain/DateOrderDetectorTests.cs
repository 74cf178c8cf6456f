using Sales.Domain.Parsing;

namespace Sales.UnitTests.Domain;

public class DateOrderDetectorTests
{
    private static DateOrderDetector Observing(params string[] days)
    {
        var detector = new DateOrderDetector();
        foreach (var day in days)
        {
            Assert.True(ValueParser.TryParseDate(day, out var token, out _));
            detector.Observe(token);
        }

        return detector;
    }

    [Fact]
    public void A_day_above_twelve_in_first_position_makes_the_sheet_day_first() =>
        Assert.Equal(DateOrder.DayFirst, Observing("1/6/2023", "27/5/2023").Decide(null));

    [Fact]
    public void A_day_above_twelve_in_second_position_makes_the_sheet_month_first() =>
        Assert.Equal(DateOrder.MonthFirst, Observing("6/1/2023", "5/27/2023").Decide(null));

    [Fact]
    public void Iso_days_only_need_no_order() => Assert.Null(Observing("2023-05-27").Decide(null));

    [Fact]
    public void A_sheet_where_every_day_reads_both_ways_is_not_guessed()
    {
        var error = Assert.Throws<DateOrderException>(() => Observing("1/6/2023", "5/6/2023").Decide(null));
        Assert.Contains("1/6/2023", error.Message, StringComparison.Ordinal);
        Assert.Contains("--date-format", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sheet_mixing_both_orders_is_refused() =>
        Assert.Throws<DateOrderException>(() => Observing("27/5/2023", "5/28/2023").Decide(null));

    [Fact]
    public void The_date_format_option_settles_an_ambiguous_sheet() =>
        Assert.Equal(DateOrder.MonthFirst, Observing("1/6/2023").Decide(DateOrder.MonthFirst));

    [Theory]
    [InlineData("dmy", DateOrder.DayFirst)]
    [InlineData("d/M/yyyy", DateOrder.DayFirst)]
    [InlineData("MDY", DateOrder.MonthFirst)]
    [InlineData("MM/dd/yyyy", DateOrder.MonthFirst)]
    public void The_option_accepts_usual_spellings(string text, DateOrder expected)
    {
        Assert.True(DateOrderNames.TryParse(text, out var order));
        Assert.Equal(expected, order);
    }
}
