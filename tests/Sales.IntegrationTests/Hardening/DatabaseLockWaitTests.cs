using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Hardening;

/// <summary>
/// An import started while another writer holds the database's lock (here the test itself, by
/// <c>BEGIN IMMEDIATE</c>): the real host says at once that it waits, then imports when the lock is
/// released, stops cleanly on Ctrl+C, or gives up after its configured limit; never silently.
/// </summary>
[Trait("Category", "Slow")]
public sealed class DatabaseLockWaitTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan SafetyNet = TimeSpan.FromMinutes(2);

    private readonly Workspace _workspace = new();
    private string _products = string.Empty;
    private string _stores = string.Empty;
    private string _sales = string.Empty;

    public async Task InitializeAsync()
    {
        _products = _workspace.Write("p.csv", Sheets.TwoProducts);
        _stores = _workspace.Write("s.csv", Sheets.TwoStores);
        await _workspace.ImportAsync(_products, _stores, _workspace.Write("first.csv", Sheets.DistinctSales(10)));
        _sales = _workspace.Write("more.csv", Sheets.DistinctSales(20));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task The_wait_is_announced_and_the_import_proceeds_when_the_lock_is_released()
    {
        using var holder = _workspace.Database.Open();
        var transaction = holder.BeginTransaction(deferred: false);
        using var host = StartImport();

        await host.WaitForErrorLineAsync(IsWaitNotice, SafetyNet);
        transaction.Rollback();

        Assert.Equal(0, await host.WaitForExitAsync(SafetyNet));
        Assert.Equal(20, _workspace.Database.Scalar("SELECT COUNT(*) FROM sales"));
        Assert.Single(host.Errors.Split('\n'), IsWaitNotice);
    }

    [Fact]
    public async Task Ctrl_C_during_the_wait_stops_with_a_clear_message_exit_130_and_nothing_stored()
    {
        var before = _workspace.Database.Dump();
        using var holder = _workspace.Database.Open();
        using var transaction = holder.BeginTransaction(deferred: false);
        using var host = StartImport();

        await host.WaitForErrorLineAsync(IsWaitNotice, SafetyNet);
        host.Interrupt();

        Assert.Equal(130, await host.WaitForExitAsync(SafetyNet));
        Assert.Contains("interrupted: nothing of the interrupted work was stored", host.Errors, StringComparison.Ordinal);
        transaction.Rollback();
        Assert.Equal(before, _workspace.Database.Dump());
    }

    [Fact]
    public async Task A_lock_held_beyond_the_limit_ends_with_one_clear_line_naming_the_database()
    {
        var before = _workspace.Database.Dump();
        using var holder = _workspace.Database.Open();
        using var transaction = holder.BeginTransaction(deferred: false);
        using var host = StartImport(new Dictionary<string, string> { ["Sales__DatabaseLockWaitSeconds"] = "1" });

        Assert.Equal(1, await host.WaitForExitAsync(SafetyNet));

        transaction.Rollback();
        var lines = host.Errors.Split('\n');
        Assert.Single(lines, IsWaitNotice);
        Assert.Contains($"error: database '{_workspace.DatabasePath}' stayed locked for 1 s by another writer", host.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", host.Errors, StringComparison.Ordinal);
        Assert.Equal(before, _workspace.Database.Dump());
    }

    [Fact]
    public async Task An_analysis_waits_for_the_lock_the_same_way()
    {
        using var holder = _workspace.Database.Open();
        using var transaction = holder.BeginTransaction(deferred: false);
        using var host = RunningHost.Start(new Dictionary<string, string> { ["Sales__DatabaseLockWaitSeconds"] = "1" }, "analyze", "--db", _workspace.DatabasePath);

        Assert.Equal(1, await host.WaitForExitAsync(SafetyNet));

        transaction.Rollback();
        Assert.Single(host.Errors.Split('\n'), IsWaitNotice);
        Assert.Contains($"error: database '{_workspace.DatabasePath}' stayed locked for 1 s by another writer", host.Errors, StringComparison.Ordinal);
        Assert.Equal(0, _workspace.Database.Scalar("SELECT COUNT(*) FROM analysis_runs"));
    }

    private static bool IsWaitNotice(string line) => line.StartsWith("waiting for the database lock", StringComparison.Ordinal);

    private RunningHost StartImport(IReadOnlyDictionary<string, string>? environment = null) =>
        RunningHost.Start(environment ?? new Dictionary<string, string>(),
            "import", "--db", _workspace.DatabasePath, "--products", _products, "--stores", _stores, "--sales", _sales);
}
