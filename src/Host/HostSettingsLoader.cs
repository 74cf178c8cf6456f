using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Sales.Host.Commands;
using Sales.Infrastructure;

namespace Sales.Host;

/// <summary>
/// Reads <see cref="HostSettings"/> and checks every value before anything runs: a whole-number
/// setting that is not one or is out of the range its property declares, a day setting not written yyyy-MM-dd, and a
/// text setting set but empty (<c>Sales__Sources__Sales=</c>), are usage errors naming the setting and its environment variable.
/// </summary>
internal static class HostSettingsLoader
{
    private const string Section = "Sales";
    private const string SourcesSection = "Sales:Sources";

    public static HostSettings Load(IConfiguration configuration)
    {
        CheckText(configuration, typeof(SalesOptions), Section);
        CheckText(configuration, typeof(SheetSources), SourcesSection);
        var section = configuration.GetSection(Section);
        var settings = new HostSettings(Settable(section), Days(section), configuration.GetSection(SourcesSection).Get<SheetSources>() ?? new SheetSources());
        var bound = new SalesOptions();
        settings.Configure(bound);
        CheckNotEmpty(bound, Section);
        CheckNotEmpty(settings.Sources, SourcesSection);
        return settings;
    }

    // Configuration writes whole numbers, days and texts. A duration or a callback of the options is for code only:
    // a key naming one is ignored, as any unknown key is (binding it would fail with the binder's exception message).
    // Days are not bound either: the binder would read them with the framework's date parser (see Days).
    private static IConfiguration Settable(IConfigurationSection section)
    {
        var codeOnly = typeof(SalesOptions).GetProperties()
            .Where(property => !IsSetting(property.PropertyType) || property.PropertyType == typeof(DateOnly))
            .Select(property => property.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var settings = section.AsEnumerable(makePathsRelative: true)
            .Where(pair => !codeOnly.Contains(pair.Key.Split(ConfigurationPath.KeyDelimiter)[0]));
        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    // The day settings, read as CheckDay accepted them (yyyy-MM-dd exactly, SalesOptions.TryParseDay).
    private static Dictionary<PropertyInfo, DateOnly> Days(IConfigurationSection section)
    {
        var days = new Dictionary<PropertyInfo, DateOnly>();
        foreach (var property in typeof(SalesOptions).GetProperties().Where(property => property.PropertyType == typeof(DateOnly)))
        {
            if (section[property.Name] is { } text && SalesOptions.TryParseDay(text.Trim(), out var day))
            {
                days[property] = day;
            }
        }

        return days;
    }

    private static bool IsSetting(Type type) =>
        type == typeof(string) || type == typeof(int) || type == typeof(long) || type == typeof(DateOnly);

    private static void CheckNotEmpty(object settings, string path)
    {
        foreach (var property in settings.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetValue(settings) is string text && string.IsNullOrWhiteSpace(text))
            {
                throw new UsageException($"setting {Describe($"{path}:{property.Name}")} is empty: give a value, or remove the setting");
            }
        }
    }

    // Checked on the raw text, before binding: the binder's own error is an exception message.
    private static void CheckText(IConfiguration configuration, Type type, string path)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var key = $"{path}:{property.Name}";
            if (property.PropertyType == typeof(int) || property.PropertyType == typeof(long))
            {
                CheckNumber(configuration[key], key, property.PropertyType, property.GetCustomAttribute<RangeAttribute>());
            }
            else if (property.PropertyType == typeof(DateOnly))
            {
                CheckDay(configuration[key], key);
            }
        }
    }

    private static void CheckNumber(string? raw, string key, Type type, RangeAttribute? range)
    {
        if (raw is null)
        {
            return;
        }

        var minimum = range is null ? (type == typeof(int) ? int.MinValue : long.MinValue) : Convert.ToInt64(range.Minimum, CultureInfo.InvariantCulture);
        var maximum = range is null ? (type == typeof(int) ? int.MaxValue : long.MaxValue) : Convert.ToInt64(range.Maximum, CultureInfo.InvariantCulture);
        if (!long.TryParse(raw.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < minimum || value > maximum)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"setting {Describe(key)} is '{raw}': expected a whole number from {minimum} to {maximum}"));
        }
    }

    private static void CheckDay(string? raw, string key)
    {
        if (raw is not null && !SalesOptions.TryParseDay(raw.Trim(), out _))
        {
            throw new UsageException($"setting {Describe(key)} is '{raw}': expected a day written yyyy-MM-dd");
        }
    }

    private static string Describe(string key) => $"{key} (env {key.Replace(":", "__", StringComparison.Ordinal)})";
}
