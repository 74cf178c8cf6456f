using Dapper;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Postgres;

/// <summary>The schema FluentMigrator creates on PostgreSQL: native types, the same tables and views as on SQLite.</summary>
[Trait("Category", "Slow")]
[Collection(OnPostgres.Name)]
public sealed class PostgresSchemaTests(PostgresServer server) : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [PostgresFact]
    public async Task Days_are_dates_money_is_bigint_cents_and_instants_are_timestamptz()
    {
        var database = await server.CreateDatabaseAsync();
        await database.ImportSamplesAsync();

        Assert.Equal("date", await TypeOf(database, "sales", "sale_date"));
        Assert.Equal("bigint", await TypeOf(database, "sales", "unit_price_cents"));
        Assert.Equal("timestamp with time zone", await TypeOf(database, "imports", "started_at"));
        Assert.Equal("date", await TypeOf(database, "analysis_revenue_by_day", "day"));
        Assert.Equal(
            "sale_date, product_reference, store_id, quantity, occurrence",
            await database.ScalarAsync<string>("""
                SELECT string_agg(a.attname, ', ' ORDER BY k.ordinality)
                FROM pg_constraint AS c, unnest(c.conkey) WITH ORDINALITY AS k (attnum, ordinality)
                JOIN pg_attribute AS a ON a.attrelid = 'sales'::regclass AND a.attnum = k.attnum
                WHERE c.conrelid = 'sales'::regclass AND c.contype = 'p'
                """));
    }

    [PostgresFact]
    public async Task The_tables_and_views_are_those_of_the_sqlite_database()
    {
        var database = await server.CreateDatabaseAsync();
        await database.ImportSamplesAsync();
        var sqlite = _workspace.DatabasePath;
        await HostProcess.RunAsync("import", "--db", sqlite, "--products", Repository.Sample("produits.csv"));

        using var sqliteConnection = new SqliteFile(sqlite).Open();
        var sqliteNames = sqliteConnection.Query<string>(
            "SELECT type || ' ' || name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY 1");
        var postgresNames = await database.ScalarAsync<string>("""
            SELECT string_agg(kind_and_name, E'\n' ORDER BY kind_and_name COLLATE "C")
            FROM (SELECT CASE table_type WHEN 'VIEW' THEN 'view ' ELSE 'table ' END || table_name AS kind_and_name
                  FROM information_schema.tables WHERE table_schema = 'public') AS objects
            """);
        Assert.Equal(string.Join("\n", sqliteNames), postgresNames);
    }

    [PostgresFact]
    public async Task A_line_breaking_a_check_is_refused_by_the_schema_itself()
    {
        var database = await server.CreateDatabaseAsync();
        await database.ImportSamplesAsync();

        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => database.Server.ExecuteAsync(
            "INSERT INTO sales VALUES ('2023-01-01', 'REF001', 1, 0, 1, 100, 1)", database.Name));

        Assert.Equal("23514", error.SqlState);
    }

    [PostgresFact]
    public async Task A_role_that_may_not_create_tables_gets_one_line_naming_the_database_and_the_reason()
    {
        var database = await server.CreateDatabaseAsync();
        var role = "reader_" + Guid.NewGuid().ToString("N")[..8];
        await server.ExecuteAsync($"CREATE ROLE {role} LOGIN");
        var uri = $"postgresql://{role}@127.0.0.1:{server.Port}/{database.Name}";

        var import = await HostProcess.RunAsync("import", "--db", uri, "--products", Repository.Sample("produits.csv"));

        Assert.Equal(1, import.ExitCode);
        Assert.Equal(
            $"error: database '{uri}' cannot be prepared for writing: 42501: permission denied for schema public",
            import.StandardError.Trim());
    }

    private static async Task<string> TypeOf(TestDatabase database, string table, string column) =>
        await database.ScalarAsync<string>(
            $"SELECT data_type FROM information_schema.columns WHERE table_name = '{table}' AND column_name = '{column}'");
}
