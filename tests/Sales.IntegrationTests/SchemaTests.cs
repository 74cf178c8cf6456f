using Dapper;
using FluentMigrator.Runner;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Sales.Application.Abstractions;
using Sales.Infrastructure.Persistence.Migrations;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests;

public sealed class SchemaTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private async Task PrepareAsync()
    {
        await using var services = _workspace.Services();
        await services.GetRequiredService<IStoreSchema>().PrepareAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Migrations_create_the_schema_in_an_empty_file()
    {
        await PrepareAsync();

        using var connection = _workspace.Database.Open();
        var tables = connection.Query<string>("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name").ToList();
        Assert.Subset(tables.ToHashSet(), new HashSet<string> { "products", "stores", "sales", "imports", "import_sheets", "rejected_lines", "import_log" });
    }

    [Fact]
    public async Task Running_the_migrations_again_changes_nothing()
    {
        await PrepareAsync();
        using (var connection = _workspace.Database.Open())
        {
            connection.Execute("INSERT INTO imports (started_at, outcome) VALUES ('2023-01-01T00:00:00.000Z', 'succeeded')");
        }

        await PrepareAsync();

        using var again = _workspace.Database.Open();
        Assert.Equal(1, again.ExecuteScalar<long>("SELECT COUNT(*) FROM VersionInfo WHERE Version = 1"));
        Assert.Equal(1, again.ExecuteScalar<long>("SELECT COUNT(*) FROM imports"));
    }

    [Fact]
    public async Task The_identity_index_refuses_a_second_copy_of_a_sale()
    {
        await PrepareAsync();
        using var connection = _workspace.Database.Open();
        connection.Execute("""
            INSERT INTO imports (id, started_at, outcome) VALUES (1, '2023-01-01T00:00:00.000Z', 'succeeded');
            INSERT INTO products VALUES ('REF001', 'Produit A', 4999, 100, 1, 1);
            INSERT INTO stores VALUES (1, 'Paris', 10, 1, 1);
            INSERT INTO sales (sale_date, product_reference, store_id, quantity, occurrence, unit_price_cents, import_id)
            VALUES ('2023-05-27', 'REF001', 1, 5, 1, 4999, 1);
            """);

        var copy = Assert.Throws<SqliteException>(() => connection.Execute("""
            INSERT INTO sales (sale_date, product_reference, store_id, quantity, occurrence, unit_price_cents, import_id)
            VALUES ('2023-05-27', 'REF001', 1, 5, 1, 4999, 1)
            """));
        Assert.Contains("UNIQUE", copy.Message, StringComparison.Ordinal);

        connection.Execute("""
            INSERT INTO sales (sale_date, product_reference, store_id, quantity, occurrence, unit_price_cents, import_id)
            VALUES ('2023-05-27', 'REF001', 1, 5, 2, 4999, 1)
            """);
        Assert.Equal(2, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM sales"));
    }

    [Fact]
    public async Task Keying_sales_by_identity_keeps_the_sales_already_stored()
    {
        MigrateUpTo(20);
        const string Rows = "SELECT sale_date, product_reference, store_id, quantity, occurrence, unit_price_cents, import_id FROM sales ORDER BY 1, 2, 3, 4, 5";
        List<(string, string, long, long, long, long, long)> before;
        using (var connection = _workspace.Database.Open())
        {
            connection.Execute("""
                INSERT INTO imports (id, started_at, outcome) VALUES (1, '2023-01-01T00:00:00.000Z', 'succeeded');
                INSERT INTO products VALUES ('REF001', 'Produit A', 4999, 100, 1, 1), ('REF002', 'Produit B', 250, 5, 1, 1);
                INSERT INTO stores VALUES (1, 'Paris', 10, 1, 1), (2, 'Lyon', 4, 1, 1);
                INSERT INTO sales (sale_date, product_reference, store_id, quantity, occurrence, unit_price_cents, import_id) VALUES
                    ('2023-05-28', 'REF002', 2, 1, 1, 250, 1),
                    ('2023-05-27', 'REF001', 1, 5, 1, 4999, 1),
                    ('2023-05-27', 'REF001', 1, 5, 2, 4999, 1);
                """);
            before = connection.Query<(string, string, long, long, long, long, long)>(Rows).ToList();
        }

        await PrepareAsync();

        using var migrated = _workspace.Database.Open();
        Assert.Equal(before, migrated.Query<(string, string, long, long, long, long, long)>(Rows).ToList());
        Assert.Contains("WITHOUT ROWID", migrated.ExecuteScalar<string>("SELECT sql FROM sqlite_master WHERE name = 'sales'"), StringComparison.Ordinal);
        var copy = Assert.Throws<SqliteException>(() => migrated.Execute("""
            INSERT INTO sales (sale_date, product_reference, store_id, quantity, occurrence, unit_price_cents, import_id)
            VALUES ('2023-05-27', 'REF001', 1, 5, 2, 4999, 1)
            """));
        Assert.Contains("UNIQUE", copy.Message, StringComparison.Ordinal);
    }

    private void MigrateUpTo(long version)
    {
        using var services = new ServiceCollection()
            .AddFluentMigratorCore()
            .ConfigureRunner(runner => runner
                .AddSQLite()
                .WithGlobalConnectionString($"Data Source={_workspace.DatabasePath}")
                .ScanIn(typeof(Migration0021SalesKeyedByIdentity).Assembly).For.Migrations())
            .BuildServiceProvider(false);
        services.GetRequiredService<IMigrationRunner>().MigrateUp(version);
    }

    [Theory]
    [InlineData("'2023-05-27', 'REF001', 1, 0, 1", "CHECK")]
    [InlineData("'27/05/2023', 'REF001', 1, 5, 1", "CHECK")]
    [InlineData("'2023-05-27', 'REF404', 1, 5, 1", "FOREIGN KEY")]
    [InlineData("'2023-05-27', 'REF001', 9, 5, 1", "FOREIGN KEY")]
    public async Task Constraints_refuse_rows_that_break_the_rules(string values, string constraint)
    {
        await PrepareAsync();
        using var connection = _workspace.Database.Open();
        connection.Execute("""
            PRAGMA foreign_keys = ON;
            INSERT INTO imports (id, started_at, outcome) VALUES (1, '2023-01-01T00:00:00.000Z', 'succeeded');
            INSERT INTO products VALUES ('REF001', 'Produit A', 4999, 100, 1, 1);
            INSERT INTO stores VALUES (1, 'Paris', 10, 1, 1);
            """);

        var refused = Assert.Throws<SqliteException>(() => connection.Execute(
            $"INSERT INTO sales (sale_date, product_reference, store_id, quantity, occurrence, unit_price_cents, import_id) VALUES ({values}, 4999, 1)"));
        Assert.Contains(constraint, refused.Message, StringComparison.Ordinal);
    }
}
