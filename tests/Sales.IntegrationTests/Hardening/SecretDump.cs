using System.Globalization;
using System.Text;
using Dapper;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Hardening;

/// <summary>Every value of every table of a database (found through sqlite_master), as text, to search for what must not be stored.</summary>
internal static class SecretDump
{
    public static string AllTables(string databasePath)
    {
        using var connection = Databases.Open(databasePath);
        var tables = connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table'").ToList();
        var dump = new StringBuilder();
        foreach (var table in tables)
        {
            dump.Append("## ").Append(table).Append('\n');
            foreach (IDictionary<string, object?> row in connection.Query($"SELECT * FROM \"{table}\""))
            {
                dump.AppendJoin('|', row.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))).Append('\n');
            }
        }

        return dump.ToString();
    }
}
