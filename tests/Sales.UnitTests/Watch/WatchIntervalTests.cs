using Sales.Application.Import;
using Sales.Application.Watch;

namespace Sales.UnitTests.Watch;

public class WatchIntervalTests
{
    [Theory]
    [InlineData("30s", 30)]
    [InlineData("5m", 300)]
    [InlineData("1h", 3600)]
    [InlineData(" 90S ", 90)]
    [InlineData("24h", 86400)]
    public void Reads_a_number_and_a_unit(string text, int seconds)
    {
        Assert.True(WatchInterval.TryParse(text, out var interval));
        Assert.Equal(TimeSpan.FromSeconds(seconds), interval);
    }

    [Theory]
    [InlineData("")]
    [InlineData("30")]
    [InlineData("s")]
    [InlineData("0s")]
    [InlineData("-5m")]
    [InlineData("+5m")]
    [InlineData("1.5h")]
    [InlineData("5 m")]
    [InlineData("1d")]
    [InlineData("25h")]
    [InlineData("99999999999999999999s")]
    [InlineData(null)]
    public void Refuses_anything_else(string? text) => Assert.False(WatchInterval.TryParse(text, out _));

    [Theory]
    [InlineData(30, "30s")]
    [InlineData(90, "1m30s")]
    [InlineData(300, "5m")]
    [InlineData(7200, "2h")]
    [InlineData(3661, "1h1m1s")]
    public void Formats_whole_durations_as_they_are_written(int seconds, string expected) =>
        Assert.Equal(expected, WatchInterval.Format(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Formats_short_durations_in_seconds_with_decimals()
    {
        Assert.Equal("0.25s", WatchInterval.Format(TimeSpan.FromMilliseconds(250)));
        Assert.Equal("1.5s", WatchInterval.Format(TimeSpan.FromMilliseconds(1500)));
    }
}
