using Sales.Domain.Sheets;

namespace Sales.Infrastructure.Postgres;

/// <summary>How values are written to PostgreSQL where they are text: the sheet names of the import log.</summary>
internal static class PostgresText
{
    public static string Sheet(SheetKind kind) => kind.Name();

    /// <summary>An instant as <c>timestamptz</c> wants it from Npgsql: UTC, to the millisecond as SQLite stores it.</summary>
    public static DateTime Utc(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
}
