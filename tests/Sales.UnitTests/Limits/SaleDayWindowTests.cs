using Sales.Application.Import;
using Sales.Domain.Limits;
using Sales.Domain.Parsing;
using Sales.Domain.Sheets;

namespace Sales.UnitTests.Limits;

public class SaleDayWindowTests
{
    private static readonly SaleDayWindow Window = new(new DateOnly(2000, 1, 1), new DateOnly(2024, 6, 16));

    [Fact]
    public void The_window_runs_from_the_earliest_day_to_today_plus_the_days_after_on_the_injected_clock()
    {
        var clock = new FixedClock(new DateTimeOffset(2024, 6, 15, 23, 59, 0, TimeSpan.Zero));

        var window = new SaleDayPolicy().WindowAt(clock);

        Assert.Equal(new SaleDayWindow(new DateOnly(2000, 1, 1), new DateOnly(2024, 6, 16)), window);
        Assert.Equal(new DateOnly(2024, 6, 15), new SaleDayPolicy { LatestSaleDayAfterToday = 0 }.WindowAt(clock).Last);
    }

    [Theory]
    [InlineData("2000-01-01", true)]
    [InlineData("1999-12-31", false)]
    [InlineData("0001-01-01", false)]
    [InlineData("2024-06-16", true)]
    [InlineData("2024-06-17", false)]
    [InlineData("2203-05-27", false)]
    [InlineData("9999-12-31", false)]
    [InlineData("16/6/2024", true)]
    [InlineData("17/6/2024", false)]
    [InlineData("31/12/1999", false)]
    public void A_day_outside_the_window_is_a_refused_line_naming_the_day_column(string day, bool accepted)
    {
        var sheet = new SalesSheet(Window);
        sheet.Add(new Line(2, [day, "REF001", "1", "1"]));

        var result = sheet.Complete(forcedOrder: null);

        Assert.Equal(accepted ? 1 : 0, result.Lines.Count);
        if (!accepted)
        {
            var refused = Assert.Single(result.Rejected);
            Assert.Equal(("Date", 2L), (refused.Error.Column, refused.LineNumber));
            Assert.Contains("outside the plausible sale days 2000-01-01 to 2024-06-16", refused.Error.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_slashed_day_plausible_in_one_order_only_is_decided_with_the_sheet_order()
    {
        // 6/17/2024 fixes month first; 6/16/2024 then reads 16 June (in), 7/6/2024... 6 July (out).
        var sheet = new SalesSheet(Window);
        sheet.Add(new Line(2, ["6/17/2023", "REF001", "1", "1"]));
        sheet.Add(new Line(3, ["6/16/2024", "REF001", "1", "1"]));
        sheet.Add(new Line(4, ["7/6/2024", "REF001", "1", "1"]));

        var result = sheet.Complete(forcedOrder: null);

        Assert.Equal(2, result.Lines.Count);
        var refused = Assert.Single(result.Rejected);
        Assert.Equal(4, refused.LineNumber);
        Assert.Contains("'7/6/2024' (2024-07-06) is outside", refused.Error.Reason, StringComparison.Ordinal);
    }

    private sealed record Line(long LineNumber, IReadOnlyList<string> Values) : ISheetLine
    {
        public string RawText => string.Join(',', Values);

        public Sales.Domain.Parsing.RowError? ReaderRefusal => null;
    }
}

/// <summary>A clock that always says the same instant.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
