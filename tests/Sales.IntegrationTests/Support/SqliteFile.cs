using System.Globalization;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Sales.IntegrationTests.Support;

/// <summary>A real SQLite file as the tests read it: counts, single values and dumps, each on its own connection.</summary>
internal sealed record SqliteFile(string Path)
{
    // Every table whose content an import may change, each dumped in a fixed order.
    private static readonly string[] DataTables =
        ["products", "stores", "sales", "rejected_lines", "import_sheets", "source_validators"];

    /// <summary>A connection of its own (no pool), so that nothing holds the file once it is disposed.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>Runs <paramref name="sql"/> (one or more statements) on a connection of its own.</summary>
    public void Execute(string sql)
    {
        using var connection = Open();
        connection.Execute(sql);
    }

    public long Count(string table) => Scalar($"SELECT COUNT(*) FROM {table}");

    public long Scalar(string sql)
    {
        using var connection = Open();
        return connection.ExecuteScalar<long>(sql);
    }

    /// <summary>The first value <paramref name="sql"/> selects as text; empty when NULL.</summary>
    public string Text(string sql)
    {
        using var connection = Open();
        return connection.ExecuteScalar<string>(sql) ?? string.Empty;
    }

    /// <summary>Every row of every data table, as text: equal dumps mean equal data.</summary>
    public string Dump()
    {
        if (!File.Exists(Path))
        {
            return "(no database)";
        }

        using var connection = Open();
        var present = connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table'").ToHashSet(StringComparer.Ordinal);
        return DumpTables(connection, DataTables.Where(present.Contains), "ORDER BY 1, 2, 3");
    }

    /// <summary>Every value of every table, whatever the table, as text: to search for what must never be stored.</summary>
    public string DumpEveryTable()
    {
        using var connection = Open();
        return DumpTables(connection, connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table'"), string.Empty);
    }

    private static string DumpTables(SqliteConnection connection, IEnumerable<string> tables, string order)
    {
        var dump = new StringBuilder();
        foreach (var table in tables.ToList())
        {
            dump.Append("## ").Append(table).Append('\n');
            foreach (IDictionary<string, object?> row in connection.Query($"SELECT * FROM \"{table}\" {order}"))
            {
                dump.AppendJoin('|', row.Values.Select(value => Convert.ToString(value, CultureInfo.InvariantCulture))).Append('|').Append('\n');
            }
        }

        return dump.ToString();
    }
}
