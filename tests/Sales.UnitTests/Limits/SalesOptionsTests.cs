using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sales.Infrastructure;

namespace Sales.UnitTests.Limits;

/// <summary>
/// One options type, bound by the host from configuration and set in code by a library consumer: each range is
/// declared once on its property, and a consumer's finer values (a sub-second timeout, many retries) stay accepted.
/// </summary>
public class SalesOptionsTests
{
    [Fact]
    public void A_library_consumer_keeps_a_sub_second_timeout_and_delays_finer_than_configuration_writes()
    {
        var options = OptionsOf(o =>
        {
            o.HttpTimeout = TimeSpan.FromMilliseconds(250);
            o.HttpRetryDelay = TimeSpan.FromTicks(5_000);
            o.LockWaitLimit = TimeSpan.FromMilliseconds(300);
            o.HttpRetries = 1000;
        });

        Assert.Equal(TimeSpan.FromMilliseconds(250), options.HttpTimeout);
        Assert.Equal(TimeSpan.FromTicks(5_000), options.HttpRetryDelay);
        Assert.Equal(TimeSpan.FromMilliseconds(300), options.LockWaitLimit);
        Assert.Equal(1000, options.HttpRetries);
    }

    [Theory]
    [InlineData(nameof(SalesOptions.EarliestSaleDay), "1800-01-01", "setting Sales:EarliestSaleDay must be 1900-01-01 or later, got 1800-01-01")]
    [InlineData(nameof(SalesOptions.LatestSaleDayAfterToday), "-1", "setting Sales:LatestSaleDayAfterToday must be 0 to 366 days, got -1")]
    [InlineData(nameof(SalesOptions.LatestSaleDayAfterToday), "367", "setting Sales:LatestSaleDayAfterToday must be 0 to 366 days, got 367")]
    [InlineData(nameof(SalesOptions.MaxLineLength), "255", "setting Sales:MaxLineLength must be 256 to 16777216 characters, got 255")]
    [InlineData(nameof(SalesOptions.MaxLineLength), "16777217", "setting Sales:MaxLineLength must be 256 to 16777216 characters, got 16777217")]
    [InlineData(nameof(SalesOptions.MaxSheetBytes), "1023", "setting Sales:MaxSheetBytes must be 1024 bytes to 64 GB, got 1023")]
    [InlineData(nameof(SalesOptions.MaxSheetBytes), "68719476737", "setting Sales:MaxSheetBytes must be 1024 bytes to 64 GB, got 68719476737")]
    public void A_library_consumer_setting_a_bound_out_of_its_range_is_refused_naming_it(string setting, string value, string message)
    {
        var error = Assert.Throws<OptionsValidationException>(() => OptionsOf(o => Set(o, setting, value)));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Bounds_at_the_edges_of_their_ranges_are_accepted()
    {
        var options = OptionsOf(o =>
        {
            o.EarliestSaleDay = new DateOnly(1900, 1, 1);
            o.LatestSaleDayAfterToday = 366;
            o.MaxLineLength = 256;
            o.MaxSheetBytes = 64L * 1024 * 1024 * 1024;
        });

        Assert.Null(options.FindProblem());
    }

    [Theory]
    [InlineData("2000-01-01")]
    [InlineData("2024-02-29")]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    [InlineData("2023-02-29")]
    [InlineData("2000-13-01")]
    [InlineData("2000-00-10")]
    [InlineData("2000-01-32")]
    [InlineData("0000-01-01")]
    [InlineData("2000-1-01")]
    [InlineData("2000-01-1")]
    [InlineData("20000-01-01")]
    [InlineData("2000/01/01")]
    [InlineData("01/02/2000")]
    [InlineData("+200-01-01")]
    [InlineData("2000-+1-01")]
    [InlineData("2000-01-01T00:00")]
    [InlineData("2000-01-0\u0661")]
    [InlineData("")]
    public void A_day_setting_is_read_as_the_framework_reads_yyyy_MM_dd_exactly(string text)
    {
        text = System.Text.RegularExpressions.Regex.Unescape(text);
        var expected = DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day);

        Assert.Equal(expected, SalesOptions.TryParseDay(text, out var read));
        Assert.Equal(day, read);
    }

    [Fact]
    public void The_configuration_views_write_the_durations_in_their_units()
    {
        var options = new SalesOptions { HttpTimeoutSeconds = 7, HttpRetryDelayMilliseconds = 250, DatabaseLockWaitSeconds = 0 };

        Assert.Equal(TimeSpan.FromSeconds(7), options.HttpTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.HttpRetryDelay);
        Assert.Equal(TimeSpan.Zero, options.LockWaitLimit);
        Assert.Equal((100, 1000, 120), (new SalesOptions().HttpTimeoutSeconds, new SalesOptions().HttpRetryDelayMilliseconds, new SalesOptions().DatabaseLockWaitSeconds));
    }

    [Fact]
    public void Every_whole_number_setting_declares_its_range_once_on_the_options()
    {
        var unbounded = typeof(SalesOptions).GetProperties()
            .Where(property => property.PropertyType == typeof(int) || property.PropertyType == typeof(long))
            .Where(property => property.GetCustomAttributes<RangeAttribute>().Count() != 1)
            .Select(property => property.Name);

        Assert.Empty(unbounded);
    }

    private static SalesOptions OptionsOf(Action<SalesOptions> configure)
    {
        using var services = new ServiceCollection().AddSales(configure).BuildServiceProvider();
        return services.GetRequiredService<IOptions<SalesOptions>>().Value;
    }

    private static void Set(SalesOptions options, string setting, string value)
    {
        var property = typeof(SalesOptions).GetProperty(setting)!;
        property.SetValue(options, property.PropertyType == typeof(DateOnly)
            ? DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture)
            : Convert.ChangeType(value, property.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
    }
}
