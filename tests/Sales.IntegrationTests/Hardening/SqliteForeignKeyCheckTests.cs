using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Sales.Application.Abstractions;
using Sales.Domain;
using Sales.Infrastructure.Persistence;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Hardening;

/// <summary>
/// The import's set-based check of the new sales' foreign keys
/// (docs/decisions/0044-sqlite-set-based-foreign-keys-of-new-sales.md): it refuses what SQLite's own
/// enforcement refuses, with the same error, leaves the file byte for byte as it was, and the keys it
/// checked cannot change before the import ends; the schema still refuses orphans from anyone else.
/// </summary>
public sealed class SqliteForeignKeyCheckTests : IAsyncLifetime, IDisposable
{
    private static readonly DateOnly Day = new(2023, 5, 27);

    private readonly Workspace _workspace = new();

    public async Task InitializeAsync()
    {
        var setUp = await _workspace.ImportAsync(
            _workspace.Write("p.csv", Sheets.TwoProducts), _workspace.Write("s.csv", Sheets.TwoStores), _workspace.Write("v.csv", Sheets.Sales()));
        Assert.NotNull(setUp.ImportId);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _workspace.Dispose();

    public static TheoryData<string, int, int, int> Orphans() => new()
    {
        // orphan product or store, valid lines before it, valid lines after it (32 to a statement)
        { "NOPE", 1, 0, 0 },
        { "REF001", 404, 0, 0 },
        { "NOPE", 1, 40, 3 },
        { "REF002", 404, 64, 0 },
        { "ZZZ", 2, 100, 0 },
    };

    [Theory]
    [MemberData(nameof(Orphans))]
    public async Task A_new_sale_of_an_unknown_product_or_store_is_refused_as_SQLite_refuses_it_and_nothing_is_stored(
        string reference, int storeId, int before, int after)
    {
        var expected = RefusalBySqlite(reference, storeId);
        var file = SnapshotOfTheFile();
        var sales = ValidSales(before, Day.AddDays(-1))
            .Append(new PricedSale(new SaleIdentity(new Sale(Day, reference, 1, storeId), 1), 1m))
            .Concat(ValidSales(after, Day.AddDays(1)))
            .ToList();

        await using (var services = _workspace.Services())
        {
            var session = await BeginAsync(services);
            await using (session)
            {
                var refused = await Assert.ThrowsAsync<SqliteException>(() => session.InsertNewSalesAsync(sales, default));
                var atCommit = await Assert.ThrowsAsync<SqliteException>(() => session.CommitAsync(DateTimeOffset.UtcNow, default));

                Assert.Equal(Describe(expected), Describe(refused));
                Assert.Equal(Describe(expected), Describe(atCommit));
            }
        }

        Assert.Equal(file, SnapshotOfTheFile());
    }

    [Fact]
    public async Task Rows_referring_to_a_missing_import_are_refused_at_commit_as_SQLite_refuses_them_and_nothing_is_stored()
    {
        var file = SnapshotOfTheFile();
        SqliteException expected;
        using (var enforcing = _workspace.Database.Open())
        {
            expected = Assert.Throws<SqliteException>(() => enforcing.Execute(
                "PRAGMA foreign_keys = ON; INSERT INTO products VALUES ('REF009', 'Produit', 100, 1, 999, 999)"));
        }

        var connection = _workspace.Database.Open();
        connection.Execute("PRAGMA foreign_keys = OFF");
        var session = new SqliteImportSession(connection, connection.BeginTransaction(), importId: 999, storedKeys: null);
        await using (session)
        {
            await session.UpsertProductsAsync([new Product("REF009", "Produit", 1m, 1)], default);
            var refused = await Assert.ThrowsAsync<SqliteException>(() => session.CommitAsync(DateTimeOffset.UtcNow, default));

            Assert.Equal(Describe(expected), Describe(refused));
        }

        Assert.Equal(file, SnapshotOfTheFile());
    }

    [Fact]
    public async Task No_other_connection_can_delete_a_product_or_store_while_an_import_holds_its_transaction()
    {
        await using var services = _workspace.Services();
        var session = await BeginAsync(services);
        await using (session)
        {
            using var other = _workspace.Database.Open();
            other.Execute("PRAGMA busy_timeout = 0; PRAGMA foreign_keys = OFF");

            var product = Assert.Throws<SqliteException>(() => other.Execute("DELETE FROM products WHERE reference = 'REF001'"));
            var store = Assert.Throws<SqliteException>(() => other.Execute("DELETE FROM stores WHERE id = 1"));

            Assert.Equal((5, 5), (product.SqliteErrorCode, store.SqliteErrorCode)); // SQLITE_BUSY
        }

        Assert.Equal(2, _workspace.Database.Count("products"));
    }

    [Fact]
    public async Task After_imports_the_schema_still_declares_and_enforces_every_foreign_key_and_none_is_broken()
    {
        var import = await _workspace.ImportAsync(Repository.Sample("produits.csv"), Repository.Sample("magasins.csv"), Repository.Sample("ventes.csv"));
        Assert.NotNull(import.ImportId);

        using var connection = _workspace.Database.Open();
        Assert.Empty(connection.Query("PRAGMA foreign_key_check"));
        Assert.Equal(3, connection.Query("PRAGMA foreign_key_list(sales)").Count());
        await using var services = _workspace.Services();
        await using var enforcing = await services.GetRequiredService<SqliteDatabase>().OpenAsync(default);
        var orphan = Assert.Throws<SqliteException>(() => enforcing.Execute(
            "INSERT INTO sales VALUES ('2023-01-01', 'NOPE', 1, 1, 1, 100, 1)"));
        Assert.Contains("FOREIGN KEY", orphan.Message, StringComparison.Ordinal);
    }

    private static async Task<IImportSession> BeginAsync(ServiceProvider services)
    {
        await services.GetRequiredService<IStoreSchema>().PrepareAsync(default);
        return await services.GetRequiredService<IImportStore>().BeginAsync(DateTimeOffset.UtcNow, readAhead: null, default);
    }

    // Valid sales in identity order: one day, REF001 at store 1, quantities 1, 2, 3...
    private static IEnumerable<PricedSale> ValidSales(int count, DateOnly day) =>
        Enumerable.Range(1, count).Select(quantity => new PricedSale(new SaleIdentity(new Sale(day, "REF001", quantity, 1), 1), 49.99m));

    // What SQLite's own enforcement says about the same orphan line.
    private SqliteException RefusalBySqlite(string reference, int storeId)
    {
        using var enforcing = _workspace.Database.Open();
        return Assert.Throws<SqliteException>(() => enforcing.Execute(
            "PRAGMA foreign_keys = ON; INSERT INTO sales VALUES (@day, @reference, @storeId, 1, 1, 100, 1)",
            new { day = "2023-05-27", reference, storeId }));
    }

    private static string Describe(SqliteException error) => $"{error.SqliteErrorCode}/{error.SqliteExtendedErrorCode}: {error.Message}";

    private byte[] SnapshotOfTheFile()
    {
        Assert.False(File.Exists(_workspace.DatabasePath + "-wal"), "every connection is closed, the WAL checkpointed");
        return File.ReadAllBytes(_workspace.DatabasePath);
    }
}
