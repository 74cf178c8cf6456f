using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Sales.IntegrationTests.Hardening;

/// <summary>
/// The real host binary killed mid-import, or racing another one: the database stays consistent,
/// keeps what it held, and stores every line exactly once.
/// </summary>
public sealed class CrashAndConcurrencyTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task An_import_killed_mid_way_leaves_the_database_as_it_was_and_the_next_one_stores_every_line_once()
    {
        // Large enough that the write transaction (after the sheet is read) lasts well beyond the polling.
        const int Lines = 1_000_000;
        var products = _workspace.Write("p.csv", Workspace.Products);
        var stores = _workspace.Write("s.csv", Workspace.Stores);
        var first = await _workspace.RunHostAsync("--products", products, "--stores", stores, "--sales", _workspace.Write("first.csv", Workspace.SalesLines(1000)));
        Assert.Equal(0, first.ExitCode);
        var before = _workspace.Dump();
        var large = _workspace.Write("large.csv", Workspace.SalesLines(Lines));

        var killedWhileWriting = await KillWhileWritingAsync("--products", products, "--stores", stores, "--sales", large);

        Assert.True(killedWhileWriting, "the import ended before it could be killed while writing");
        Assert.Equal("ok", _workspace.Text("PRAGMA integrity_check"));
        Assert.Equal(before, _workspace.Dump());

        var next = await _workspace.RunHostAsync("--products", products, "--stores", stores, "--sales", large);
        Assert.True(next.ExitCode == 0, next.Error);
        Assert.Equal(Lines, _workspace.Scalar("SELECT COUNT(*) FROM sales"));
        Assert.Equal(Lines, _workspace.Scalar("SELECT COUNT(*) FROM (SELECT DISTINCT sale_date, product_reference, store_id, quantity FROM sales)"));
        Assert.Equal("ok", _workspace.Text("PRAGMA integrity_check"));
    }

    [Fact]
    public async Task Two_imports_started_together_on_a_new_database_both_succeed_and_store_every_line_once()
    {
        var products = _workspace.Write("p.csv", Workspace.Products);
        var stores = _workspace.Write("s.csv", Workspace.Stores);
        var early = _workspace.Write("early.csv", Workspace.SalesLines(20_000));
        var late = _workspace.Write("late.csv", Workspace.SalesLines(20_000, first: 10_000));

        var runs = await Task.WhenAll(
            _workspace.RunHostAsync("--products", products, "--stores", stores, "--sales", early),
            _workspace.RunHostAsync("--products", products, "--stores", stores, "--sales", late));

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.Error));
        Assert.Equal(30_000, _workspace.Scalar("SELECT COUNT(*) FROM sales"));
        Assert.Equal(2, _workspace.Scalar("SELECT COUNT(*) FROM imports WHERE outcome = 'succeeded'"));
        Assert.Equal(30_000, _workspace.Scalar("SELECT SUM(rows_new) FROM import_sheets WHERE sheet = 'sales'"));
    }

    // Kills the host while its import transaction is open: once the database's write lock has been
    // held for a while and is still held. The host also takes the lock for a moment before that
    // transaction (preparing the database); such a short hold is waited out, not mistaken for it.
    private async Task<bool> KillWhileWritingAsync(params string[] arguments)
    {
        var held = TimeSpan.FromMilliseconds(300);
        using var process = _workspace.StartHost(arguments);
        var watch = Stopwatch.StartNew();
        TimeSpan? lockedSince = null;
        try
        {
            while (!process.HasExited && watch.Elapsed < TimeSpan.FromMinutes(3))
            {
                if (!IsWriteLocked())
                {
                    lockedSince = null;
                }
                else if (lockedSince is null)
                {
                    lockedSince = watch.Elapsed;
                }
                else if (watch.Elapsed - lockedSince >= held)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                    return true;
                }

                await Task.Delay(10);
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
