using Microsoft.Data.Sqlite;
using Sales.Application.Abstractions;
using SQLitePCL;

namespace Sales.Infrastructure.Persistence;

/// <summary>
/// What a database file holds, read before anything may write to it: its tables and the
/// migrations FluentMigrator recorded in <c>VersionInfo</c>. Reading it creates no table and
/// changes no byte; no journal or WAL file is left behind.
/// </summary>
internal sealed class SchemaInspection
{
    private const int TablesNamed = 5;

    private SchemaInspection(IReadOnlyList<string> tables, bool hasVersionTable, long[] applied)
    {
        Tables = tables;
        HasVersionTable = hasVersionTable;
        Applied = applied;
    }

    /// <summary>Tables and views, SQLite's own excepted.</summary>
    public IReadOnlyList<string> Tables { get; }

    public bool HasVersionTable { get; }

    /// <summary>Versions of the migrations applied, as <c>VersionInfo</c> records them, in ascending order.</summary>
    public long[] Applied { get; }

    /// <summary>The highest applied migration; 0 for a new or empty file.</summary>
    public long Version => Applied.Length == 0 ? 0 : Applied[^1];

    /// <summary>Another program's database: it has tables, and no migration history of ours.</summary>
    public bool IsForeign => Tables.Count > 0 && !HasVersionTable;

    /// <exception cref="StoreUnavailableException">The file is not a SQLite database or cannot be read.</exception>
    public static SchemaInspection Of(string path)
    {
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            return new SchemaInspection([], false, []);
        }

        // Read-write, not read-only: on a WAL file, a read-only connection would leave its -wal and
        // -shm files behind, where the last read-write one to close removes them. Reading takes no
        // write lock and writes nothing; a file SQLite may not write is opened read-only anyway.
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            var tables = Column(connection, "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name", reader => reader.GetString(0));
            var hasVersionTable = tables.Contains("VersionInfo", StringComparer.Ordinal);
            long[] applied = hasVersionTable ? [.. Column(connection, "SELECT Version FROM VersionInfo ORDER BY Version", reader => reader.GetInt64(0))] : [];
            return new SchemaInspection(tables, hasVersionTable, applied);
        }
        catch (SqliteException error) when (error.SqliteErrorCode is raw.SQLITE_NOTADB or raw.SQLITE_CORRUPT)
        {
            throw new StoreUnavailableException($"database '{path}' is not a SQLite database (or is damaged): it was left untouched; choose another --db file", error);
        }
        catch (SqliteException error)
        {
            throw new StoreUnavailableException($"database '{path}' cannot be read: {error.Message}", error);
        }
    }

    // A plain reader rather than Dapper: this runs at every start, and each of Dapper's generic queries costs a JIT there.
    private static List<T> Column<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<T>();
        while (reader.Read())
        {
            values.Add(read(reader));
        }

        return values;
    }

    /// <summary>The first tables by name, for a message: <c>'a', 'b', ... (12 in all)</c>.</summary>
    public string DescribeTables()
    {
        var named = string.Join(", ", Tables.Take(TablesNamed).Select(name => $"'{name}'"));
        return Tables.Count > TablesNamed ? $"{named}, ... ({Tables.Count} in all)" : named;
    }
}
