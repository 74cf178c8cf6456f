using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Sales.Host.Commands;

namespace Sales.Host;

/// <summary>
/// Reads <see cref="HostSettings"/> and checks every value before anything runs: a whole-number
/// setting that is not one or is out of its range, a day setting not written yyyy-MM-dd, and a text setting set but empty
/// (<c>Sales__Sources__Sales=</c>), are usage errors naming the setting and its environment variable.
/// </summary>
internal static class HostSettingsLoader
{
    private const string Section = "Sales";

    public static HostSettings Load(IConfiguration configuration)
    {
        CheckNumbers(configuration, typeof(HostSettings), Section);
        return configuration.GetSection(Section).Get<HostSettings>() ?? new HostSettings();
    }

    /// <summary>Fails on a text setting left empty; call once the command line's options are applied over the settings.</summary>
    public static void CheckNotEmpty(object settings, string path = Section)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var property in settings.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var key = $"{path}:{property.Name}";
            var value = property.GetValue(settings);
            if (value is string text && string.IsNullOrWhiteSpace(text))
            {
                throw new UsageException($"setting {Describe(key)} is empty: give a value, or remove the setting");
            }

            if (property.PropertyType.IsClass && property.PropertyType != typeof(string) && value is not null)
            {
                CheckNotEmpty(value, key);
            }
        }
    }

    // Checked on the raw text, before binding: the binder's own error is an exception message.
    private static void CheckNumbers(IConfiguration configuration, Type type, string path)
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
            else if (property.PropertyType.IsClass && property.PropertyType != typeof(string))
            {
                CheckNumbers(configuration, property.PropertyType, key);
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
        if (raw is not null && !DateOnly.TryParseExact(raw.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw new UsageException($"setting {Describe(key)} is '{raw}': expected a day written yyyy-MM-dd");
        }
    }

    private static string Describe(string key) => $"{key} (env {key.Replace(":", "__", StringComparison.Ordinal)})";
}
