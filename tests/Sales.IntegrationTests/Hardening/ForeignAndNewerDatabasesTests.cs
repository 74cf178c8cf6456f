using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Hardening;

/// <summary>
/// <c>--db</c> pointing at a file this release must not write: another program's database, one
/// migrated by a newer release, a read-only file. Every verb refuses it with one clear line, before
/// any download, and leaves it byte for byte as it was (no table, no journal mode, no side file).
/// </summary>
[Trait("Category", "Slow")]
public sealed class ForeignAndNewerDatabasesTests : IAsyncLifetime, IDisposable
{
    private static readonly string[] SideFiles = ["-wal", "-journal", "-shm", ".migrating"];

    private readonly Workspace _workspace = new();
    private readonly LocalHttpServer _server = new();

    public Task InitializeAsync()
    {
        _server.Serve("/sales", Reply.Csv(Sheets.DistinctSales(10)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _workspace.Dispose();

    public static TheoryData<string, string> VerbsAndForeignSchemas()
    {
        var data = new TheoryData<string, string>();
        foreach (var verb in new[] { "import", "analyze", "run", "report", "watch" })
        {
            // Another program's tables; and one clashing with ours by name.
            data.Add(verb, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES (1, 'Ada');");
            data.Add(verb, "CREATE TABLE sales (id INTEGER PRIMARY KEY, amount REAL); INSERT INTO sales VALUES (1, 9.5); CREATE VIEW big AS SELECT * FROM sales;");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(VerbsAndForeignSchemas))]
    public async Task Another_programs_database_is_refused_by_every_verb_untouched_byte_for_byte(string verb, string schema)
    {
        CreateRollbackJournalDatabase(schema);
        var bytes = File.ReadAllBytes(_workspace.DatabasePath);

        var (exitCode, error) = await RunAsync(verb);

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"error: database '{_workspace.DatabasePath}' belongs to another application (it has tables '", error, StringComparison.Ordinal);
        AssertUntouched(bytes, error);
    }

    [Theory]
    [InlineData("import")]
    [InlineData("analyze")]
    [InlineData("run")]
    [InlineData("report")]
    [InlineData("watch")]
    public async Task A_database_of_a_newer_release_is_refused_by_every_verb_naming_both_versions_untouched(string verb)
    {
        await _workspace.ImportAsync(null, null, _workspace.Write("v.csv", Sheets.Sales()));
        var latest = _workspace.Database.Scalar("SELECT MAX(Version) FROM VersionInfo");
        _workspace.Database.Execute("INSERT INTO VersionInfo (Version, AppliedOn, Description) VALUES (9035, '2030-01-01', 'from the future')");

        SqliteConnection.ClearAllPools();
        var bytes = File.ReadAllBytes(_workspace.DatabasePath);

        var (exitCode, error) = await RunAsync(verb);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            $"error: database '{_workspace.DatabasePath}' has schema version 9035, newer than this release's {latest}: it was left untouched; use a newer release",
            error.Trim());
        AssertUntouched(bytes, error);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_refused_untouched()
    {
        File.WriteAllText(_workspace.DatabasePath, "name,amount\nAda,9.5\n");
        var bytes = File.ReadAllBytes(_workspace.DatabasePath);

        var (exitCode, error) = await RunAsync("import");

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"error: database '{_workspace.DatabasePath}' is not a SQLite database", error, StringComparison.Ordinal);
        AssertUntouched(bytes, error);
    }

    [Fact]
    public async Task Report_on_a_database_behind_this_release_asks_for_an_import_and_does_not_migrate_it()
    {
        await _workspace.ImportAsync(null, null, _workspace.Write("v.csv", Sheets.Sales()));
        var latest = _workspace.Database.Scalar("SELECT MAX(Version) FROM VersionInfo");
        _workspace.Database.Execute($"DELETE FROM VersionInfo WHERE Version = {latest}");

        SqliteConnection.ClearAllPools();
        var bytes = File.ReadAllBytes(_workspace.DatabasePath);
        var previous = _workspace.Database.Scalar("SELECT MAX(Version) FROM VersionInfo");

        var (exitCode, error) = await RunAsync("report");

        Assert.Equal(1, exitCode);
        Assert.Equal(
            $"error: database '{_workspace.DatabasePath}' has schema version {previous}, older than this release's {latest}: run 'import' or 'analyze' once to upgrade it ('report' never changes the database)",
            error.Trim());
        AssertUntouched(bytes, error);
    }

    // As root every file is writable: the host runs as 'nobody', for whom a 0444 file is really read-only.
    [Fact]
    public async Task A_read_only_database_fails_before_any_download_and_report_still_reads_it()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || !File.Exists("/usr/bin/setpriv"))
        {
            Assert.Fail("this test needs Linux, root and setpriv to run the host as another user (a read-only file is writable for root)");
            return;
        }

        await _workspace.ImportAsync(Repository.Sample("produits.csv"), Repository.Sample("magasins.csv"), Repository.Sample("ventes.csv"));
        var analyze = await HostProcess.RunAsync("analyze", "--db", _workspace.DatabasePath);
        Assert.True(analyze.ExitCode == 0, analyze.StandardError);
        SqliteConnection.ClearAllPools();
        File.SetUnixFileMode(_workspace.Directory, (UnixFileMode)0b111_111_111);
        File.SetUnixFileMode(_workspace.DatabasePath, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var bytes = File.ReadAllBytes(_workspace.DatabasePath);

        var import = await RunAsNobodyAsync("import", "--db", _workspace.DatabasePath, "--sales", _server.Url("/sales"));
        var report = await RunAsNobodyAsync("report", "--db", _workspace.DatabasePath, "--format", "json");

        Assert.Equal(1, import.ExitCode);
        Assert.Equal($"error: database '{_workspace.DatabasePath}' is read-only (file permissions): nothing can be imported or analyzed into it; 'report' still reads it", import.StandardError.Trim());
        Assert.Empty(_server.Requests);
        Assert.True(report.ExitCode == 0, report.StandardError);
        Assert.Contains("5268.78", report.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(bytes, File.ReadAllBytes(_workspace.DatabasePath));
    }

    private void CreateRollbackJournalDatabase(string schema)
    {
        _workspace.Database.Execute("PRAGMA journal_mode = DELETE; " + schema);
        SqliteConnection.ClearAllPools();
    }

    private async Task<(int ExitCode, string Error)> RunAsync(string verb)
    {
        string[] arguments = verb switch
        {
            "import" or "run" => [verb, "--db", _workspace.DatabasePath, "--sales", _server.Url("/sales")],
            "watch" => [verb, "--db", _workspace.DatabasePath, "--sales", _server.Url("/sales"), "--interval", "30s"],
            _ => [verb, "--db", _workspace.DatabasePath],
        };
        var outcome = await HostProcess.RunInAsync(_workspace.Directory, arguments);

        // watch reports a failed cycle on its own line of output, and stops when the database cannot be used.
        return verb == "watch"
            ? (outcome.ExitCode, "error: " + outcome.StandardOutput.Split('\n')[1].Split("failed: ")[1].Split("  (")[0] + "\n")
            : (outcome.ExitCode, outcome.StandardError);
    }

    private void AssertUntouched(byte[] bytes, string error)
    {
        Assert.Single(error.Trim().Split('\n'));
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.Equal(bytes, File.ReadAllBytes(_workspace.DatabasePath));
        Assert.All(SideFiles, suffix => Assert.False(File.Exists(_workspace.DatabasePath + suffix), $"{suffix} file left next to the database"));
        Assert.Empty(_server.Requests);
    }

    private static async Task<HostProcess.Outcome> RunAsNobodyAsync(params string[] arguments)
    {
        var start = HostProcess.StartInfo(string.Empty, arguments);
        var asNobody = new ProcessStartInfo("/usr/bin/setpriv")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["HOME"] = Path.GetTempPath(), ["DOTNET_CLI_HOME"] = Path.GetTempPath() },
        };
        foreach (var argument in (string[])["--reuid=65534", "--regid=65534", "--clear-groups", start.FileName, .. start.ArgumentList])
        {
            asNobody.ArgumentList.Add(argument);
        }

        using var process = Process.Start(asNobody) ?? throw new InvalidOperationException("setpriv did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return new HostProcess.Outcome(process.ExitCode, await output, await error);
    }
}
