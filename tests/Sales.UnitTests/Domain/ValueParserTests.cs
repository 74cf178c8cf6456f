using Sales.Domain.Parsing;

namespace Sales.UnitTests.Domain;

public class ValueParserTests
{
    [Theory]
    [InlineData("49.99", "49.99")]
    [InlineData("49,99", "49.99")]
    [InlineData(" 19.9 ", "19.90")]
    [InlineData("80", "80")]
    [InlineData("39.99 €", "39.99")]
    [InlineData("0.10", "0.1")]
    public void Euros_are_read_exactly_with_a_dot_or_a_comma(string text, string expected)
    {
        Assert.True(ValueParser.TryParseEuros(text, out var value, out _));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("", "missing")]
    [InlineData("abc", "not an amount")]
    [InlineData("1.234,56", "one decimal separator")]
    [InlineData("19.999", "more than two decimals")]
    public void Amounts_that_are_not_exact_euros_are_refused_with_a_reason(string text, string reason)
    {
        Assert.False(ValueParser.TryParseEuros(text, out _, out var why));
        Assert.Contains(reason, why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5", 5)]
    [InlineData(" 12 ", 12)]
    [InlineData("-3", -3)]
    public void Whole_numbers_are_read(string text, int expected)
    {
        Assert.True(ValueParser.TryParseWholeNumber(text, out var value, out _));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("2.5")]
    [InlineData("cinq")]
    [InlineData("")]
    public void Non_whole_numbers_are_refused(string text) =>
        Assert.False(ValueParser.TryParseWholeNumber(text, out _, out _));

    [Fact]
    public void An_iso_day_is_a_date_at_once()
    {
        Assert.True(ValueParser.TryParseDate("2023-05-27", out var token, out _));
        Assert.False(token.IsSlashed);
        Assert.Equal(new DateOnly(2023, 5, 27), token.Resolve(DateOrder.DayFirst));
    }

    [Fact]
    public void A_slashed_day_is_resolved_in_the_order_given()
    {
        Assert.True(ValueParser.TryParseDate("5/6/2023", out var token, out _));
        Assert.Equal(new DateOnly(2023, 6, 5), token.Resolve(DateOrder.DayFirst));
        Assert.Equal(new DateOnly(2023, 5, 6), token.Resolve(DateOrder.MonthFirst));
    }

    [Theory]
    [InlineData("2023-02-30")]
    [InlineData("31/31/2023")]
    [InlineData("yesterday")]
    [InlineData("27/05/23")]
    [InlineData("")]
    public void Unparseable_days_are_refused(string text) =>
        Assert.False(ValueParser.TryParseDate(text, out _, out _));
}
