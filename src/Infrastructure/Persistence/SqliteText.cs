using System.Globalization;

namespace Sales.Infrastructure.Persistence;

/// <summary>How values are written as SQLite text: ISO-8601 throughout.</summary>
internal static class SqliteText
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Timestamp(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
