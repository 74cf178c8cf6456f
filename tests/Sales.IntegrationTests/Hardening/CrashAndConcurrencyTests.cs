using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Hardening;

/// <summary>
/// The real host binary killed mid-import, or racing another one: the database stays consistent,
/// keeps what it held, and stores every line exactly once.
/// </summary>
[Trait("Category", "Slow")]
public sealed class CrashAndConcurrencyTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task An_import_killed_mid_way_leaves_the_database_as_it_was_and_the_next_one_stores_every_line_once()
    {
        const int Lines = 1_000_000;
        var products = _workspace.Write("p.csv", Sheets.TwoProducts);
        var stores = _workspace.Write("s.csv", Sheets.TwoStores);
        var first = await _workspace.RunImportAsync("--products", products, "--stores", stores, "--sales", _workspace.Write("first.csv", Sheets.DistinctSales(1000)));
        Assert.Equal(0, first.ExitCode);
        var before = _workspace.Database.Dump();
        var importsBefore = _workspace.Database.Scalar("SELECT COUNT(*) FROM imports");
        var large = _workspace.Write("large.csv", Sheets.DistinctSales(Lines));

        // The host prepares the database before it downloads anything; holding the download until
        // the test is ready means every write lock seen after its release is the import's own.
        await using var server = new LocalHttpServer();
        var hold = new BodyHold();
        server.Serve("/large.csv", Reply.File(File.ReadAllBytes(large)) with { Hold = hold });
        using var process = _workspace.StartImport("--products", products, "--stores", stores, "--sales", server.Url("/large.csv"));
        await hold.Reached.WaitAsync(Patience);
        hold.Release();
        var killedInsideTheTransaction = await KillInsideTheImportTransactionAsync(process, importsBefore);

        Assert.True(killedInsideTheTransaction, "the import ended before the test could stop it inside its transaction");
        Assert.Equal("ok", _workspace.Database.Text("PRAGMA integrity_check"));
        Assert.Equal(before, _workspace.Database.Dump());

        var next = await _workspace.RunImportAsync("--products", products, "--stores", stores, "--sales", large);
        Assert.True(next.ExitCode == 0, next.Error);
        Assert.Equal(Lines, _workspace.Database.Scalar("SELECT COUNT(*) FROM sales"));
        Assert.Equal(Lines, _workspace.Database.Scalar("SELECT COUNT(*) FROM (SELECT DISTINCT sale_date, product_reference, store_id, quantity FROM sales)"));
        Assert.Equal("ok", _workspace.Database.Text("PRAGMA integrity_check"));
    }

    [Fact]
    public async Task Two_imports_started_together_on_a_new_database_both_succeed_and_store_every_line_once()
    {
        var products = _workspace.Write("p.csv", Sheets.TwoProducts);
        var stores = _workspace.Write("s.csv", Sheets.TwoStores);
        var early = _workspace.Write("early.csv", Sheets.DistinctSales(20_000));
        var late = _workspace.Write("late.csv", Sheets.DistinctSales(20_000, first: 10_000));

        var runs = await Task.WhenAll(
            _workspace.RunImportAsync("--products", products, "--stores", stores, "--sales", early),
            _workspace.RunImportAsync("--products", products, "--stores", stores, "--sales", late));

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.Error));
        Assert.Equal(30_000, _workspace.Database.Scalar("SELECT COUNT(*) FROM sales"));
        Assert.Equal(2, _workspace.Database.Scalar("SELECT COUNT(*) FROM imports WHERE outcome = 'succeeded'"));
        Assert.Equal(30_000, _workspace.Database.Scalar("SELECT SUM(rows_new) FROM import_sheets WHERE sheet = 'sales'"));
    }

    // Freezes the host (SIGSTOP) again and again, and looks while it is frozen: once it holds the
    // write lock and its import is not committed yet, it is inside the import transaction and
    // cannot leave it before the SIGKILL, whatever the speed of the machine.
    private async Task<bool> KillInsideTheImportTransactionAsync(Process process, long importsBefore)
    {
        using var safety = new CancellationTokenSource(Patience);
        try
        {
            while (!safety.IsCancellationRequested && await ProcessFreezer.FreezeAsync(process.Id))
            {
                if (IsWriteLocked() && _workspace.Database.Scalar("SELECT COUNT(*) FROM imports") == importsBefore)
                {
                    ProcessFreezer.KillNow(process.Id);
                    await process.WaitForExitAsync(safety.Token);
                    return true;
                }

                ProcessFreezer.Thaw(process.Id);
                await Task.Delay(5, safety.Token);
            }

            return false;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    // Asks SQLite directly, without Microsoft.Data.Sqlite's own waiting on a busy database.
    private bool IsWriteLocked()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _workspace.DatabasePath, Pooling = false }.ToString());
        connection.Open();
        SQLitePCL.raw.sqlite3_busy_timeout(connection.Handle, 0);
        var result = SQLitePCL.raw.sqlite3_exec(connection.Handle, "BEGIN IMMEDIATE");
        if (result == SQLitePCL.raw.SQLITE_OK)
        {
            SQLitePCL.raw.sqlite3_exec(connection.Handle, "ROLLBACK");
        }

        return result == SQLitePCL.raw.SQLITE_BUSY;
    }
}
