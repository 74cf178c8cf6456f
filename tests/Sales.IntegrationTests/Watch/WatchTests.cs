using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Sales.IntegrationTests.Support;
using Xunit.Abstractions;

namespace Sales.IntegrationTests.Watch;

/// <summary>
/// The real host binary's <c>watch</c> against a real HTTP server on 127.0.0.1 whose sales sheet
/// grows between cycles, stopped by a real SIGTERM.
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class WatchTests(ITestOutputHelper log) : IAsyncLifetime, IDisposable
{
    private static readonly string[] SampleSales = File.ReadAllLines(Repository.Sample("ventes.csv"));
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly Workspace _workspace = new();
    private readonly LocalHttpServer _server = Serving(new LocalHttpServer());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Three_cycles_over_a_growing_sheet_store_every_line_once_and_the_unchanged_one_downloads_nothing()
    {
        // The sheet grows after its first download, whenever the second cycle comes: the outcome
        // does not depend on how fast the test reacts to the first cycle's line.
        var firstVersion = LocalHttpServer.Versioned(SalesSheetBytes(SampleSales.Skip(1).Take(10)));
        var grownVersion = LocalHttpServer.Versioned(SalesSheetBytes(SampleSales.Skip(1)));
        _server.Serve("/ventes.csv", request => request.Ordinal == 1 ? firstVersion(request) : grownVersion(request));
        // The fourth cycle's first request is never answered: the test stops the watch while that
        // cycle provably waits on it, so what it stores cannot depend on the machine's speed.
        var products = LocalHttpServer.Versioned(File.ReadAllBytes(Repository.Sample("produits.csv")));
        _server.Serve("/produits.csv", request => request.Ordinal < 4 ? products(request) : Reply.Of(200) with { Delay = Timeout.InfiniteTimeSpan });
        using var host = StartWatch();

        var first = (await host.WaitForLinesAsync(IsCycleLine, 1, Patience))[0];
        var second = (await host.WaitForLinesAsync(IsCycleLine, 2, Patience))[1];
        var third = (await host.WaitForLinesAsync(IsCycleLine, 3, Patience))[2];
        await _server.WaitForRequestsAsync("/produits.csv", 4, Patience);
        host.Terminate();
        var exitCode = await host.WaitForExitAsync(Patience);
        log.WriteLine(string.Join("\n", host.Output));

        Assert.True(exitCode == 0, host.Errors);
        Assert.Contains("  10 new lines, 12 products or stores added or updated, analyses run  (", first, StringComparison.Ordinal);
        Assert.Contains("  20 new lines, analyses run  (", second, StringComparison.Ordinal);
        Assert.Matches(@"^\S+Z  unchanged  \(\d", third);
        Assert.Equal("stopped: the cycle in progress was interrupted and rolled back, nothing of it was stored", host.Output.Last());

        // Cycle 1 downloads the three sheets; cycle 2 only the sales sheet that grew; cycle 3 is
        // answered 304 Not Modified, without a body; cycle 4 got no answer.
        Assert.Equal([200, 200, 200, 304, 304, 200, 304, 304, 304], _server.Answers.Select(a => a.Status));

        using var connection = _workspace.Database.Open();
        Assert.Equal(SampleSales.Length - 1, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM sales"));
        Assert.Equal(SampleSales.Length - 1, connection.ExecuteScalar<long>(
            "SELECT COUNT(*) FROM (SELECT DISTINCT sale_date, product_reference, store_id, quantity, occurrence FROM sales)"));
        Assert.Equal(2, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM analysis_runs"));
        // Only the two cycles that read a sheet are logged; the unchanged one writes nothing, the
        // interrupted one is logged as such.
        Assert.Equal(["succeeded", "succeeded", "failed: cancelled"], connection.Query<string>("SELECT outcome || COALESCE(': ' || message, '') FROM imports ORDER BY id"));
    }

    [Fact]
    public async Task Report_html_is_rewritten_after_each_cycle_that_stored_a_new_analysis_run()
    {
        var report = _workspace.File("report.html");
        // The sheet grows after its first download, whenever the second cycle comes.
        var firstVersion = LocalHttpServer.Versioned(SalesSheetBytes(SampleSales.Skip(1).Take(10)));
        var grownVersion = LocalHttpServer.Versioned(SalesSheetBytes(SampleSales.Skip(1)));
        _server.Serve("/ventes.csv", request => request.Ordinal == 1 ? firstVersion(request) : grownVersion(request));
        using var host = RunningHost.Start(
            "watch", "--db", _workspace.DatabasePath, "--products", _server.Url("/produits.csv"), "--stores", _server.Url("/magasins.csv"),
            "--sales", _server.Url("/ventes.csv"), "--interval", "1s", "--report-html", report, "--culture", "fr-FR");

        // A cycle writes its report before the next cycle starts: after line 3, both runs' reports were written.
        await host.WaitForLinesAsync(IsCycleLine, 3, Patience);
        host.Terminate();
        var exitCode = await host.WaitForExitAsync(Patience);

        Assert.True(exitCode == 0, host.Errors);
        var html = await File.ReadAllTextAsync(report);
        Assert.Contains("Analyse n°\u00A02 du", html, StringComparison.Ordinal);
        Assert.Contains("<dd>5\u202F268,78\u00A0€</dd>", html, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(_workspace.Directory, "*report*"));
    }

    [Fact]
    public async Task A_failing_source_is_reported_each_cycle_with_a_growing_wait_and_the_watch_recovers_when_it_is_back()
    {
        // No sales sheet for the first two cycles (404, which is not retried), then the sheet: decided
        // by the request's rank, not by when the test gets to serve it.
        var sheet = LocalHttpServer.Versioned(SalesSheetBytes(SampleSales.Skip(1)));
        _server.Serve("/ventes.csv", request => request.Ordinal <= 2 ? Reply.Of(404) : sheet(request));
        using var host = StartWatch();

        var failures = await host.WaitForLinesAsync(IsCycleLine, 2, Patience);
        var recovered = (await host.WaitForLinesAsync(IsCycleLine, 3, Patience))[2];
        host.Terminate();
        var exitCode = await host.WaitForExitAsync(Patience);
        log.WriteLine(string.Join("\n", host.Output));

        Assert.True(exitCode == 0, host.Errors);
        Assert.Matches(@"  failed: http://127\.0\.0\.1:\d+/ventes\.csv: .*404.*; next attempt in 1s$", failures[0]);
        Assert.EndsWith("; 2 failures in a row: backing off, next attempt in 2s (the interval doubles per failure, at most 30m)", failures[1], StringComparison.Ordinal);
        Assert.Matches(@"  30 new lines, .*analyses run  \(.*\); recovered after 2 failed cycles: back to every 1s$", recovered);
        Assert.Equal(30, _workspace.Database.Count("sales"));
    }

    [Fact]
    public async Task A_sigterm_in_the_middle_of_a_cycle_rolls_it_back_and_exits_0()
    {
        // The second cycle downloads a grown sheet whose last bytes the server holds back until the
        // test is done: the signal provably arrives while that cycle is in progress.
        var hold = new BodyHold();
        var grown = LocalHttpServer.Versioned(SalesSheetBytes(SampleSales.Skip(1).Concat(GeneratedSales(1000))), hold);
        var sample = LocalHttpServer.Versioned(SalesSheetBytes(SampleSales.Skip(1)));
        _server.Serve("/ventes.csv", request => request.Ordinal == 1 ? sample(request) : grown(request));
        using var host = StartWatch();
        await host.WaitForLinesAsync(IsCycleLine, 1, Patience);

        await hold.Reached.WaitAsync(Patience);
        host.Terminate();
        var exitCode = await host.WaitForExitAsync(Patience);
        log.WriteLine(string.Join("\n", host.Output));

        Assert.True(exitCode == 0, host.Errors);
        Assert.Single(host.Output, IsCycleLine);
        Assert.Contains("SIGTERM received: stopping once the cycle in progress has finished or rolled back", host.Output);
        Assert.Equal("stopped: the cycle in progress was interrupted and rolled back, nothing of it was stored", host.Output.Last());

        using var connection = _workspace.Database.Open();
        Assert.Equal("ok", connection.ExecuteScalar<string>("PRAGMA integrity_check"));
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM imports WHERE outcome = 'running'"));
        Assert.Equal(SampleSales.Length - 1, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM sales"));
    }

    [Fact]
    public async Task A_sigterm_between_cycles_stops_at_once_and_exits_0()
    {
        _server.ServeVersioned("/ventes.csv", SalesSheetBytes(SampleSales.Skip(1)));
        using var host = StartWatch(interval: "1h");
        await host.WaitForLinesAsync(IsCycleLine, 1, Patience);

        // The next cycle is an hour away: the watch is waiting, and stops without a cycle in progress.
        host.Terminate();
        var exitCode = await host.WaitForExitAsync(Patience);

        Assert.True(exitCode == 0, host.Errors);
        Assert.Equal("stopped", host.Output.Last());
        Assert.Equal(1, _workspace.Database.Count("imports"));
    }

    [Fact]
    public async Task A_wrong_interval_exits_2_before_anything_runs()
    {
        var outcome = await HostProcess.RunAsync("watch", "--db", _workspace.DatabasePath, "--interval", "5 minutes");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("error: --interval '5 minutes' is not a whole number followed by s, m or h (e.g. 30s, 5m, 1h), at most 24h", outcome.StandardError.Trim());
        Assert.False(File.Exists(_workspace.DatabasePath));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_database_that_cannot_be_used_on_the_first_cycle_exits_1_instead_of_retrying_forever()
    {
        var outcome = await HostProcess.RunAsync("watch", "--db", _workspace.File("missing/sales.db"), "--products", _server.Url("/produits.csv"),
            "--stores", _server.Url("/magasins.csv"), "--sales", _server.Url("/ventes.csv"), "--interval", "1s");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Matches(@"  failed: database '.*' does not exist  \(.*\); the database cannot be used: stopping \(fix its path or permissions, then start watch again\)", outcome.StandardOutput);
        Assert.Empty(_server.Requests);
    }

    private static LocalHttpServer Serving(LocalHttpServer server)
    {
        server.ServeVersioned("/produits.csv", File.ReadAllBytes(Repository.Sample("produits.csv")));
        server.ServeVersioned("/magasins.csv", File.ReadAllBytes(Repository.Sample("magasins.csv")));
        return server;
    }

    private RunningHost StartWatch(string interval = "1s") => RunningHost.Start(
        "watch", "--db", _workspace.DatabasePath, "--products", _server.Url("/produits.csv"), "--stores", _server.Url("/magasins.csv"),
        "--sales", _server.Url("/ventes.csv"), "--interval", interval);

    private static byte[] SalesSheetBytes(IEnumerable<string> lines) =>
        Encoding.UTF8.GetBytes(string.Join("\n", lines.Prepend(SampleSales[0])) + "\n");

    private static bool IsCycleLine(string line) => CycleLine().IsMatch(line);

    // Valid lines over the samples' 5 products and 7 stores.
    private static IEnumerable<string> GeneratedSales(int count)
    {
        var firstDay = new DateOnly(2023, 1, 1);
        for (var i = 0; i < count; i++)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{firstDay.AddDays(i % 365):yyyy-MM-dd},REF00{1 + (i % 5)},{1 + (i / 35 % 50)},{1 + (i / 5 % 7)}");
        }
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ  ")]
    private static partial Regex CycleLine();
}
