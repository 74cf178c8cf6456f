using Sales.Application.Profiling;

namespace Sales.UnitTests.Profiling;

public class FarDaysTests
{
    [Fact]
    public void A_day_years_away_from_a_month_of_sales_is_far_with_its_first_line()
    {
        var days = Month(new DateOnly(2023, 5, 27));
        days[new DateOnly(2013, 6, 1)] = (31, 2);

        var (far, lines, bulk) = FarDays.Find(days);

        var day = Assert.Single(far);
        Assert.Equal((31L, "2013-06-01"), (day.LineNumber, day.Value));
        Assert.Equal(2, lines);
        Assert.StartsWith("half of the lines fall from 2023-", bulk, StringComparison.Ordinal);
    }

    [Fact]
    public void Neighbouring_days_of_a_short_sheet_are_not_far()
    {
        var days = Month(new DateOnly(2023, 5, 27));
        days[new DateOnly(2023, 7, 20)] = (40, 1);
        days[new DateOnly(2023, 4, 20)] = (41, 1);

        Assert.Empty(FarDays.Find(days).Days);
    }

    [Fact]
    public void A_sheet_of_one_day_has_no_far_day()
    {
        Assert.Empty(FarDays.Find(new Dictionary<DateOnly, (long, int)> { [new DateOnly(2023, 5, 27)] = (2, 10) }).Days);
        Assert.Empty(FarDays.Find(new Dictionary<DateOnly, (long, int)>()).Days);
    }

    private static Dictionary<DateOnly, (long FirstLine, int Lines)> Month(DateOnly first) =>
        Enumerable.Range(0, 30).ToDictionary(i => first.AddDays(i), i => ((long)i + 2, 1));
}
