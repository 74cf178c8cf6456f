using Sales.IntegrationTests.Hardening;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Progress;

/// <summary>
/// The live progress line, through the real host: on a terminal it shows how far the work has got and is
/// erased at the end, leaving the summary on stdout byte for byte as without it; redirected, with
/// <c>--quiet</c>, on a terminal that cannot redraw (TERM=dumb) or on a CI runner, not one byte of it.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ProgressLineTests : IDisposable
{
    private const string HideCursor = "\u001b[?25l";
    private const string ShowCursor = "\u001b[?25h";

    private readonly Workspace _workspace = new();
    private readonly string[] _sources;

    public ProgressLineTests()
    {
        _sources =
        [
            "--products", _workspace.Write("produits.csv", Sheets.TwoProducts),
            "--stores", _workspace.Write("magasins.csv", Sheets.TwoStores),
            "--sales", _workspace.Write("ventes.csv", Sheets.DistinctSales(1000)),
        ];
    }

    public void Dispose() => _workspace.Dispose();

    [Theory]
    [InlineData("import")]
    [InlineData("run")]
    [InlineData("profile")]
    public async Task Redirected_stderr_gets_no_byte_of_progress(string verb)
    {
        var outcome = await HostProcess.RunInAsync(_workspace.Directory, Arguments(verb, "redirected.db"));

        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        Assert.Equal(string.Empty, outcome.StandardError);
        Assert.NotEmpty(outcome.StandardOutput);
    }

    [PseudoTerminalTheory]
    [InlineData("import", "sales: storing, 1,000 of 1,000 lines")]
    [InlineData("run", "running the analyses")]
    [InlineData("profile", "sales: 1,000 lines read")]
    public async Task On_a_terminal_the_progress_line_shows_then_leaves_the_summary_unchanged(string verb, string lastShown)
    {
        var shown = await PseudoTerminal.RunAsync(_workspace.Directory, new Dictionary<string, string?>(), Arguments(verb, "terminal.db"));
        var plain = await HostProcess.RunInAsync(_workspace.Directory, Arguments(verb, "plain.db"));

        Assert.True(shown.ExitCode == 0, shown.Terminal);
        Assert.True(plain.ExitCode == 0, plain.StandardError);

        // The last refresh, drawn once the work is done, is deterministic: its counts are final.
        Assert.Contains(lastShown, shown.Terminal, StringComparison.Ordinal);
        Assert.Contains(HideCursor, shown.Terminal, StringComparison.Ordinal);
        Assert.EndsWith(ShowCursor, shown.Terminal.TrimEnd('\r', '\n'), StringComparison.Ordinal);
        Assert.Equal(plain.StandardOutput, shown.StandardOutput);
    }

    [PseudoTerminalTheory]
    [InlineData("profile")]
    public async Task Profile_which_writes_no_database_never_says_it_opens_one(string verb)
    {
        var shown = await PseudoTerminal.RunAsync(_workspace.Directory, new Dictionary<string, string?>(), Arguments(verb, "unused.db"));

        Assert.True(shown.ExitCode == 0, shown.Terminal);
        Assert.Contains("sales: 1,000 lines read", shown.Terminal, StringComparison.Ordinal);
        Assert.DoesNotContain("database", shown.Terminal, StringComparison.Ordinal);
    }

    [PseudoTerminalTheory]
    [InlineData("NO_COLOR", "1")]
    public async Task With_NO_COLOR_the_line_shows_without_colours(string variable, string value)
    {
        var shown = await PseudoTerminal.RunAsync(_workspace.Directory, new Dictionary<string, string?> { [variable] = value }, Arguments("import", "nocolor.db"));

        Assert.True(shown.ExitCode == 0, shown.Terminal);
        Assert.Contains("sales: storing, 1,000 of 1,000 lines", shown.Terminal, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[38;", shown.Terminal, StringComparison.Ordinal);
    }

    [PseudoTerminalTheory]
    [InlineData("import", "--quiet", null, null)]
    [InlineData("run", "-q", null, null)]
    [InlineData("profile", "--quiet", null, null)]
    [InlineData("import", null, "TERM", "dumb")]
    [InlineData("import", null, "TERM", null)]
    [InlineData("import", null, "GITHUB_ACTIONS", "true")]
    [InlineData("import", null, "TF_BUILD", "True")]
    public async Task Quiet_a_dumb_terminal_or_a_CI_runner_shows_no_progress(string verb, string? option, string? variable, string? value)
    {
        var environment = new Dictionary<string, string?>();
        if (variable is not null)
        {
            environment[variable] = value;
        }

        string[] arguments = option is null ? Arguments(verb, "quiet.db") : [.. Arguments(verb, "quiet.db"), option];
        var shown = await PseudoTerminal.RunAsync(_workspace.Directory, environment, arguments);
        var plain = await HostProcess.RunInAsync(_workspace.Directory, Arguments(verb, "plain.db"));

        Assert.True(shown.ExitCode == 0, shown.Terminal);
        Assert.DoesNotContain(HideCursor, shown.Terminal, StringComparison.Ordinal);
        foreach (var word in (string[])["lines", "fetching", "storing", "database", "analyses", "%"])
        {
            Assert.DoesNotContain(word, shown.Terminal, StringComparison.Ordinal);
        }

        Assert.Equal(plain.StandardOutput, shown.StandardOutput);
    }

    // profile has no database; import and run each write their own.
    private string[] Arguments(string verb, string database) => verb == "profile"
        ? [verb, .. _sources]
        : [verb, "--db", Path.Combine(_workspace.Directory, database), .. _sources];
}
