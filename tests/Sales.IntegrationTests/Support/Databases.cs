using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Sales.Application;
using Sales.Infrastructure;

namespace Sales.IntegrationTests.Support;

/// <summary>Real SQLite files and the services that use them.</summary>
internal static class Databases
{
    public static ServiceProvider Services(string databasePath, Action<SalesOptions>? configure = null) =>
        new ServiceCollection()
            .AddSalesApplication()
            .AddSalesInfrastructure(options =>
            {
                options.DatabasePath = databasePath;
                options.HttpTimeout = TimeSpan.FromSeconds(30);
                configure?.Invoke(options);
            })
            .BuildServiceProvider();

    public static long Count(string databasePath, string table)
    {
        using var connection = Open(databasePath);
        return connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM {table}");
    }

    public static SqliteConnection Open(string databasePath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>Every row of the data tables, as text: equal dumps mean the data did not change.</summary>
    public static string DumpData(string databasePath)
    {
        using var connection = Open(databasePath);
        var tables = new[] { "products", "stores", "sales", "import_sheets", "rejected_lines" };
        return string.Join("\n", tables.SelectMany(table =>
            connection.Query($"SELECT * FROM {table} ORDER BY 1").Select(row =>
                table + ": " + string.Join("|", ((IDictionary<string, object?>)row).Values))));
    }
}
