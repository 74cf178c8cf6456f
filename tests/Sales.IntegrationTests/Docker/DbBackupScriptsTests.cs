using System.Data;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Docker;

/// <summary>
/// The db service's backups (build/db/snapshot.sh, restore.sh, healthcheck.sh) run for real against
/// SQLite files on this machine, with the real host binary importing: no Docker needed.
/// </summary>
[Trait("Category", "Slow")]
public sealed class DbBackupScriptsTests : IDisposable
{
    private readonly Workspace _workspace = new();
    private readonly string _database;
    private readonly string _backups;
    private readonly DbScripts _scripts;

    public DbBackupScriptsTests()
    {
        Directory.CreateDirectory(_workspace.File("data"));
        _backups = Directory.CreateDirectory(_workspace.File("backups")).FullName;
        _database = _workspace.File("data/sales.db");
        _workspace.DatabasePath = _database;
        _scripts = new DbScripts(_database, _backups, _workspace.File("snapshot.status"));
    }

    public void Dispose() => _workspace.Dispose();

    [Sqlite3Fact]
    public async Task A_snapshot_taken_while_an_import_holds_its_write_transaction_is_not_blocked_and_holds_only_committed_lines()
    {
        await ImportAsync(SampleSales(30));
        using var writer = _workspace.Database.Open();
        using var transaction = writer.BeginTransaction(IsolationLevel.Serializable, deferred: false);  // BEGIN IMMEDIATE
        writer.Execute("DELETE FROM sales", transaction: transaction);

        var snapshot = await _scripts.SnapshotAsync();

        Assert.True(snapshot.ExitCode == 0, snapshot.ToString());
        var taken = Assert.Single(Snapshots());
        Assert.Equal(30, new SqliteFile(Path.Combine(_backups, taken)).Count("sales"));
        Assert.Equal("ok", new SqliteFile(Path.Combine(_backups, taken)).Text("PRAGMA integrity_check"));
        transaction.Commit();  // the writer was never in the snapshot's way, nor is it now
        Assert.Equal(0, _workspace.Database.Count("sales"));
        Assert.Equal("wal", _workspace.Database.Text("PRAGMA journal_mode"));
        Assert.Empty(Directory.GetFiles(_backups, "*.tmp"));
    }

    [Sqlite3Fact]
    public async Task A_read_transaction_like_the_snapshots_does_not_block_a_writer_in_WAL_mode()
    {
        // VACUUM INTO is one read transaction: this is the property the schedule relies on.
        await ImportAsync(SampleSales(30));
        using var reader = _workspace.Database.Open();
        using var reading = reader.BeginTransaction(deferred: true);
        Assert.Equal(30, reader.ExecuteScalar<long>("SELECT COUNT(*) FROM sales", transaction: reading));

        using var writer = _workspace.Database.Open();
        writer.Execute("PRAGMA busy_timeout = 0; DELETE FROM sales");  // no wait allowed: fails at once if blocked

        Assert.Equal(30, reader.ExecuteScalar<long>("SELECT COUNT(*) FROM sales", transaction: reading));  // the reader still sees its snapshot
        Assert.Equal(0, _workspace.Database.Count("sales"));
    }

    [Sqlite3Fact]
    public async Task Retention_keeps_the_last_8_and_the_newest_of_each_of_the_last_14_days_and_nothing_else_of_ours_is_touched()
    {
        await ImportAsync(SampleSales(5));
        var fakes = FakeSnapshotsEverySixHours(new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc));
        File.WriteAllText(Path.Combine(_backups, "before-restore-20261101T000000Z.db"), "kept");
        File.WriteAllText(Path.Combine(_backups, "notes.txt"), "kept");
        _scripts.Environment["SNAPSHOT_NOW"] = "2026-11-26T18:00:00Z";

        var snapshot = await _scripts.SnapshotAsync();

        Assert.True(snapshot.ExitCode == 0, snapshot.ToString());
        string[] last8 = ["20261126T180000Z", "20261126T120000Z", "20261126T060000Z", "20261126T000000Z",
                          "20261125T180000Z", "20261125T120000Z", "20261125T060000Z", "20261125T000000Z"];
        var daily = Enumerable.Range(13, 12).Select(day => $"202611{day:00}T180000Z");  // 13..24: with 25 and 26, 14 days
        Assert.Equal(last8.Concat(daily).Select(stamp => $"sales-{stamp}.db").Order(), Snapshots());
        Assert.Equal(fakes.Count + 1 - 20, snapshot.Output.Split('\n').Count(line => line.EndsWith("removed (retention)", StringComparison.Ordinal)));
        Assert.True(File.Exists(Path.Combine(_backups, "before-restore-20261101T000000Z.db")));
        Assert.True(File.Exists(Path.Combine(_backups, "notes.txt")));
    }

    [Sqlite3Fact]
    public async Task Retention_is_configurable()
    {
        await ImportAsync(SampleSales(5));
        FakeSnapshotsEverySixHours(new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc));
        _scripts.Environment["SNAPSHOT_NOW"] = "2026-11-26T18:00:00Z";
        _scripts.Environment["SNAPSHOT_KEEP_LAST"] = "2";
        _scripts.Environment["SNAPSHOT_KEEP_DAYS"] = "3";

        var snapshot = await _scripts.SnapshotAsync();

        Assert.True(snapshot.ExitCode == 0, snapshot.ToString());
        Assert.Equal(["sales-20261124T180000Z.db", "sales-20261125T180000Z.db", "sales-20261126T120000Z.db", "sales-20261126T180000Z.db"], Snapshots());
    }

    [Sqlite3Fact]
    public async Task The_schedule_is_due_at_once_without_a_snapshot_then_after_the_interval_and_after_a_failure_after_the_retry_delay()
    {
        File.WriteAllBytes(_database, []);  // as the db service creates it before the first import
        _scripts.Environment["SNAPSHOT_NOW"] = "2026-11-26T11:00:00Z";
        Assert.Equal(0, (await _scripts.SnapshotAsync("--if-due")).ExitCode);
        Assert.Empty(Snapshots());  // nothing to keep yet: looked at again 15 min later, not 6 h
        Assert.Equal("900", (await _scripts.SnapshotAsync("--due-in")).Output.Trim());

        await ImportAsync(SampleSales(5));
        _scripts.Environment["SNAPSHOT_NOW"] = "2026-11-26T12:00:00Z";
        Assert.Equal("0", (await _scripts.SnapshotAsync("--due-in")).Output.Trim());

        Assert.Equal(0, (await _scripts.SnapshotAsync("--if-due")).ExitCode);
        Assert.Equal(["sales-20261126T120000Z.db"], Snapshots());
        _scripts.Environment["SNAPSHOT_NOW"] = "2026-11-26T13:00:00Z";
        Assert.Equal("18000", (await _scripts.SnapshotAsync("--due-in")).Output.Trim());  // 6 h after the last one
        Assert.Equal(0, (await _scripts.SnapshotAsync("--if-due")).ExitCode);
        Assert.Single(Snapshots());  // not due: nothing taken

        _scripts.Environment["SNAPSHOT_NOW"] = "2026-11-26T18:00:00Z";
        _scripts.Environment["SNAPSHOT_INTERVAL"] = "30m";
        File.WriteAllText(_database, "not a database any more");
        Assert.Equal(1, (await _scripts.SnapshotAsync("--if-due")).ExitCode);
        Assert.Equal("900", (await _scripts.SnapshotAsync("--due-in")).Output.Trim());  // retried 15 min later
    }

    [Sqlite3Fact]
    public async Task A_failed_snapshot_is_reported_in_the_log_and_makes_the_healthcheck_unhealthy_until_the_next_good_one()
    {
        await ImportAsync(SampleSales(5));
        Assert.Equal(0, (await _scripts.HealthcheckAsync()).ExitCode);
        var notAFolder = _workspace.Write("not-a-folder", "x");
        var unwritable = new DbScripts(_database, notAFolder, _workspace.File("snapshot.status"));

        var failed = await unwritable.SnapshotAsync();
        var health = await _scripts.HealthcheckAsync();

        Assert.Equal(1, failed.ExitCode);
        Assert.Equal($"db: snapshot FAILED: cannot write to the backups folder {notAFolder}", failed.Error.Trim());
        Assert.Equal(1, health.ExitCode);
        Assert.Equal($"unhealthy: the last snapshot failed: cannot write to the backups folder {notAFolder}", health.Output.Trim());

        Assert.Equal(0, (await _scripts.SnapshotAsync()).ExitCode);
        Assert.Equal("ok", (await _scripts.HealthcheckAsync()).Output.Trim());
    }

    [Sqlite3Fact]
    public async Task A_snapshot_of_a_database_SQLite_cannot_read_fails_and_leaves_no_file_that_looks_like_a_snapshot()
    {
        File.WriteAllText(_database, "this is not a SQLite database, but it is long enough to have a header of sorts");

        var failed = await _scripts.SnapshotAsync();

        Assert.Equal(1, failed.ExitCode);
        Assert.StartsWith("db: snapshot FAILED: cannot read", failed.Error, StringComparison.Ordinal);
        Assert.Empty(Snapshots());
        Assert.Empty(Directory.GetFiles(_backups, "*.tmp"));
        Assert.StartsWith("failed ", File.ReadAllText(_workspace.File("snapshot.status")), StringComparison.Ordinal);
    }

    [Sqlite3Fact]
    public async Task Restore_refuses_while_another_connection_writes_or_reads_and_changes_nothing()
    {
        await ImportAsync(SampleSales(20));
        await TakeSnapshotAsync("2026-11-26T12:00:00Z");
        await ImportAsync(SampleSales(30));
        var before = _workspace.Database.Dump();
        _scripts.Environment["RESTORE_LOCK_TIMEOUT_MS"] = "100";

        foreach (var deferred in new[] { false, true })  // a writer (BEGIN IMMEDIATE), then a reader
        {
            using var other = _workspace.Database.Open();
            using var transaction = other.BeginTransaction(deferred);
            other.ExecuteScalar<long>("SELECT COUNT(*) FROM sales", transaction: transaction);

            var refused = await _scripts.RestoreAsync();

            Assert.True(refused.ExitCode == 3, refused.ToString());
            Assert.Contains("is in use by another connection (locked): stop watch", refused.Error, StringComparison.Ordinal);
            transaction.Rollback();
        }

        Assert.Equal(before, _workspace.Database.Dump());
        Assert.Empty(Directory.GetFiles(_backups, "before-restore-*"));
    }

    [Sqlite3Fact]
    public async Task Restore_after_the_database_is_deleted_then_an_import_adds_back_exactly_the_lines_since_the_snapshot()
    {
        var first = await ImportAsync(SampleSales(20));
        Assert.Matches(@"sales\s+20\s+20\s+0\s", first);
        await TakeSnapshotAsync("2026-11-26T12:00:00Z");
        await ImportAsync(SampleSales(30));
        Assert.Equal(30, _workspace.Database.Count("sales"));
        var sales = SalesDump();
        File.Delete(_database);
        File.WriteAllText(_database + "-wal", "stale: left by a crash, belongs to the deleted file");

        var restored = await _scripts.RestoreAsync();

        Assert.True(restored.ExitCode == 0, restored.ToString());
        Assert.Contains($"removed the stale {_database}-wal", restored.Output, StringComparison.Ordinal);
        Assert.Equal(20, _workspace.Database.Count("sales"));
        Assert.Equal("ok", _workspace.Database.Text("PRAGMA integrity_check"));
        var again = await ImportAsync(SampleSales(30));
        Assert.Matches(@"sales\s+30\s+10\s+20\s", again);  // read 30, new 10, duplicate 20
        Assert.Equal(sales, SalesDump());
    }

    [Sqlite3Fact]
    public async Task Restore_over_a_live_database_keeps_the_replaced_one_and_a_named_snapshot_can_be_chosen()
    {
        await ImportAsync(SampleSales(10));
        await TakeSnapshotAsync("2026-11-26T06:00:00Z");
        await ImportAsync(SampleSales(20));
        await TakeSnapshotAsync("2026-11-26T12:00:00Z");
        await ImportAsync(SampleSales(30));

        var restored = await _scripts.RestoreAsync("sales-20261126T060000Z.db");

        Assert.True(restored.ExitCode == 0, restored.ToString());
        Assert.Equal(10, _workspace.Database.Count("sales"));
        Assert.Equal("wal", _workspace.Database.Text("PRAGMA journal_mode"));
        var replaced = Assert.Single(Directory.GetFiles(_backups, "before-restore-*.db"));
        Assert.Equal(30, new SqliteFile(replaced).Count("sales"));
        Assert.Equal(2, Snapshots().Count);  // the copy of the replaced one is not a snapshot: `restore` still picks the newest
        var newest = await _scripts.RestoreAsync();
        Assert.True(newest.ExitCode == 0, newest.ToString());
        Assert.Equal(20, _workspace.Database.Count("sales"));
    }

    [Sqlite3Fact]
    public async Task Restore_of_a_damaged_snapshot_is_refused_and_changes_nothing()
    {
        await ImportAsync(SampleSales(30));
        await TakeSnapshotAsync("2026-11-26T12:00:00Z");
        var snapshot = Path.Combine(_backups, Snapshots()[0]);
        using (var file = File.OpenWrite(snapshot))
        {
            file.Position = 4096;  // the second page onwards: a valid header, broken content
            file.Write(new byte[4096 * 2].Select(_ => (byte)0xA5).ToArray());
        }

        var before = _workspace.Database.Dump();

        var refused = await _scripts.RestoreAsync();

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("fails PRAGMA integrity_check", refused.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", refused.Error, StringComparison.Ordinal);
        Assert.Equal(before, _workspace.Database.Dump());
    }

    private async Task TakeSnapshotAsync(string now)
    {
        _scripts.Environment["SNAPSHOT_NOW"] = now;
        var snapshot = await _scripts.SnapshotAsync();
        Assert.True(snapshot.ExitCode == 0, snapshot.ToString());
        _scripts.Environment.Remove("SNAPSHOT_NOW");
    }

    /// <summary>Imports the sample products and stores and the given sales sheet; returns the host's output.</summary>
    private async Task<string> ImportAsync(string sales)
    {
        var outcome = await HostProcess.RunAsync("import", "--db", _database, "--products", Repository.Sample("produits.csv"),
            "--stores", Repository.Sample("magasins.csv"), "--sales", sales);
        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        return outcome.StandardOutput;
    }

    /// <summary>The first <paramref name="lines"/> lines of the sample sales sheet: a sheet that grows.</summary>
    private string SampleSales(int lines) =>
        _workspace.Write($"ventes-{lines}.csv", string.Join('\n', File.ReadLines(Repository.Sample("ventes.csv")).Take(lines + 1)) + "\n");

    private List<string> FakeSnapshotsEverySixHours(DateTime from, DateTime to)
    {
        var names = new List<string>();
        for (var at = from; at <= to; at = at.AddHours(6))
        {
            names.Add($"sales-{at.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.db");
            File.WriteAllText(Path.Combine(_backups, names[^1]), "retention reads names only");
        }

        return names;
    }

    private List<string> Snapshots() =>
        [.. Directory.GetFiles(_backups, "sales-*.db").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal)];

    private string SalesDump() => _workspace.Database.Text(
        "SELECT group_concat(line, ';') FROM (SELECT sale_date || ',' || product_reference || ',' || store_id || ',' || quantity || ',' || occurrence AS line FROM sales ORDER BY line)");
}
