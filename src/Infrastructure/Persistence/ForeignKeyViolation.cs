using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Sales.Infrastructure.Persistence;

/// <summary>
/// The error SQLite's own foreign-key enforcement raises (code, extended code and message as
/// Microsoft.Data.Sqlite words them), for the import's set-based check of the same keys
/// (docs/decisions/0044-sqlite-set-based-foreign-keys-of-new-sales.md): whoever refuses the row,
/// the caller sees the same refusal.
/// </summary>
internal static class ForeignKeyViolation
{
    public static SqliteException Create() =>
        new($"SQLite Error {raw.SQLITE_CONSTRAINT}: 'FOREIGN KEY constraint failed'.", raw.SQLITE_CONSTRAINT, raw.SQLITE_CONSTRAINT_FOREIGNKEY);
}
