using Dapper;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Postgres;

/// <summary>
/// The real host killed (SIGKILL) inside its import transaction, or racing another host on a new
/// database: the server rolls the killed import back whole, and every line is stored exactly once.
/// </summary>
[Trait("Category", "Slow")]
[Collection(OnPostgres.Name)]
public sealed class PostgresCrashAndConcurrencyTests(PostgresServer server) : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [PostgresFact]
    public async Task An_import_killed_inside_its_transaction_leaves_the_database_as_it_was()
    {
        var database = await server.CreateDatabaseAsync();
        Assert.Equal(0, (await database.ImportSamplesAsync()).ExitCode);
        var before = await database.DumpAsync();
        var products = _workspace.Write("p.csv", Sheets.Products("Produit A,REF001,99.99,1", "Produit Z,REF099,1.00,1"));
        var sales = _workspace.Write("v.csv", Sheets.DistinctSales(5_000));

        // The test holds a lock the import needs to write sales (SHARE blocks inserts, not reads): the host
        // is then certainly inside its transaction, products already changed, when it is killed.
        await using (var blocker = await server.OpenAdminAsync(database.Name))
        {
            await using var hold = await blocker.BeginTransactionAsync();
            await blocker.ExecuteAsync("LOCK TABLE sales IN SHARE MODE", transaction: hold);
            using var host = TestDatabase.StartHost(null, "import", "--db", database.Uri, "--products", products, "--stores", Repository.Sample("magasins.csv"), "--sales", sales);
            var backend = await WaitForBlockedImportAsync(database, host);
            host.Kill();
            await host.WaitForExitAsync();
            await hold.RollbackAsync();
            await WaitForBackendGoneAsync(database, backend);
        }

        Assert.Equal(before, await database.DumpAsync());
        var next = await database.ImportAsync(products, Repository.Sample("magasins.csv"), sales);
        Assert.True(next.ExitCode == 0, next.StandardError);
        Assert.Equal(5_030, await database.CountAsync("SELECT COUNT(*) FROM sales"));
    }

    [PostgresFact]
    public async Task Two_imports_started_together_on_a_new_database_both_succeed_and_store_every_line_once()
    {
        var database = await server.CreateDatabaseAsync();
        var early = _workspace.Write("early.csv", Sheets.DistinctSales(20_000));
        var late = _workspace.Write("late.csv", Sheets.DistinctSales(20_000, first: 10_000));

        var runs = await Task.WhenAll(
            database.ImportAsync(Repository.Sample("produits.csv"), Repository.Sample("magasins.csv"), early),
            database.ImportAsync(Repository.Sample("produits.csv"), Repository.Sample("magasins.csv"), late));

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.StandardError));
        Assert.Equal(30_000, await database.CountAsync("SELECT COUNT(*) FROM sales"));
        Assert.Equal(2, await database.CountAsync("SELECT COUNT(*) FROM imports WHERE outcome = 'succeeded'"));
        Assert.Equal(30_000, await database.CountAsync("SELECT SUM(rows_new) FROM import_sheets WHERE sheet = 'sales'"));
    }

    // The host's backend: in a transaction holding the import advisory lock, waiting for the test's lock on sales.
    private static async Task<int> WaitForBlockedImportAsync(TestDatabase database, System.Diagnostics.Process host)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (true)
        {
            if (host.HasExited)
            {
                Assert.Fail("the import ended before it reached the sales table: " + await host.StandardError.ReadToEndAsync());
            }

            var backend = await database.ScalarAsync<int?>("""
                SELECT COALESCE(MAX(waiting.pid), 0) FROM pg_locks AS waiting
                JOIN pg_locks AS advisory ON advisory.pid = waiting.pid AND advisory.locktype = 'advisory' AND advisory.granted
                WHERE waiting.locktype = 'relation' AND waiting.relation = 'sales'::regclass AND NOT waiting.granted
                """);
            if (backend is > 0)
            {
                return backend.Value;
            }

            await Task.Delay(20, deadline.Token);
        }
    }

    private static async Task WaitForBackendGoneAsync(TestDatabase database, int backend)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (await database.CountAsync($"SELECT COUNT(*) FROM pg_stat_activity WHERE pid = {backend}") > 0)
        {
            await Task.Delay(20, deadline.Token);
        }
    }
}
