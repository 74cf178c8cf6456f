using System.Text;
using Microsoft.Data.Sqlite;
using Sales.IntegrationTests.Hardening;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Progress;

/// <summary>
/// Ctrl+C typed on the terminal while the progress line is live: the line is erased, the cursor shown
/// again, the usual one-line message printed, exit 130, and nothing of the import stored.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ProgressInterruptTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan SafetyNet = TimeSpan.FromMinutes(2);

    private readonly Workspace _workspace = new();
    private readonly LocalHttpServer _server = new();
    private readonly BodyHold _hold = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _hold.Release();
        await _server.DisposeAsync();
    }

    public void Dispose() => _workspace.Dispose();

    [PseudoTerminalTheory]
    [InlineData("import")]
    [InlineData("run")]
    public async Task Ctrl_C_during_a_download_erases_the_line_shows_the_cursor_and_stores_nothing(string verb)
    {
        // The download stops short of its last bytes until the test ends: the line shows it, live, for as long as needed.
        _server.Serve("/ventes.csv", Reply.File(Encoding.UTF8.GetBytes(Sheets.DistinctSales(1000))) with { Hold = _hold });
        var database = _workspace.File("sales.db");
        var stdout = _workspace.File("stdout.txt");
        using var terminal = TerminalSession.Start(_workspace.Directory, stdout,
            verb, "--db", database,
            "--products", _workspace.Write("produits.csv", Sheets.TwoProducts),
            "--stores", _workspace.Write("magasins.csv", Sheets.TwoStores),
            "--sales", _server.Url("/ventes.csv"));

        await _hold.Reached.WaitAsync(SafetyNet);
        await terminal.WaitForAsync("sales: fetching", SafetyNet);
        await terminal.PressControlCAsync();
        var exitCode = await terminal.WaitForExitAsync(SafetyNet);

        Assert.Equal(130, exitCode);
        var shown = terminal.Shown;
        var erased = shown.LastIndexOf("\u001b[2K\u001b[?25h", StringComparison.Ordinal);
        Assert.True(erased >= 0, shown);
        Assert.StartsWith("interrupted: nothing of the interrupted work was stored", shown[(erased + 10)..], StringComparison.Ordinal);
        Assert.Equal(string.Empty, await File.ReadAllTextAsync(stdout));
        Assert.Equal(0, CountSales(database));
    }

    private static long CountSales(string database)
    {
        if (!File.Exists(database))
        {
            return 0;
        }

        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sales";
        return (long)command.ExecuteScalar()!;
    }
}
