using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests;

/// <summary>The real host binary, run as a process.</summary>
[Trait("Category", "Slow")]
public sealed class HostEndToEndTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private string[] ImportArguments(string sales) =>
        ["import", "--db", _workspace.DatabasePath, "--products", Repository.Sample("produits.csv"),
         "--stores", Repository.Sample("magasins.csv"), "--sales", sales];

    [Fact]
    public async Task Importing_the_samples_twice_stores_5_products_7_stores_and_30_sales()
    {
        var first = await HostProcess.RunAsync(ImportArguments(Repository.Sample("ventes.csv")));
        var second = await HostProcess.RunAsync(ImportArguments(Repository.Sample("ventes.csv")));

        Assert.True(first.ExitCode == 0, first.StandardError);
        Assert.Equal(0, second.ExitCode);
        Assert.Matches(@"sales\s+30\s+0\s+30\s+0\s+0", second.StandardOutput);
        Assert.Equal(5, _workspace.Database.Count("products"));
        Assert.Equal(7, _workspace.Database.Count("stores"));
        Assert.Equal(30, _workspace.Database.Count("sales"));
    }

    [Fact]
    public async Task A_failure_exits_non_zero_with_file_line_and_reason_on_stderr()
    {
        var sales = _workspace.Write("ventes.csv", Sheets.Sales("2023-07-01,REF001,-4,1"));

        var outcome = await HostProcess.RunAsync([.. ImportArguments(sales), "--strict"]);

        Assert.NotEqual(0, outcome.ExitCode);
        Assert.Equal($"error: {sales}, line 2, column 'Quantité': quantity must be positive, got -4 (1 line(s) refused and --strict is set: nothing was imported)", outcome.StandardError.Trim());
    }

    [Fact]
    public async Task A_missing_database_directory_is_reported_before_anything_else()
    {
        var outcome = await HostProcess.RunAsync("import", "--db", _workspace.File("missing/sales.db"),
            "--products", "http://127.0.0.1:9/never-asked", "--stores", "x", "--sales", "y");

        Assert.NotEqual(0, outcome.ExitCode);
        Assert.Contains("does not exist", outcome.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_line_edited_at_the_source_is_reported_with_a_warning_and_exit_0()
    {
        var sales = File.ReadAllLines(Repository.Sample("ventes.csv"));
        Assert.Equal("2023-05-27,REF001,5,1", sales[1]);
        await HostProcess.RunAsync(ImportArguments(Repository.Sample("ventes.csv")));
        var edited = _workspace.Write("ventes-edited.csv", string.Join('\n', [sales[0], "2023-05-27,REF001,6,1", .. sales[2..]]) + "\n");

        var outcome = await HostProcess.RunAsync(ImportArguments(edited));

        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        Assert.Contains($"warning: 1 stored sales line(s) dated within the days of {edited} are not in it any more (edited or deleted at the source?)",
            outcome.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(31, _workspace.Database.Count("sales"));
    }

    [Fact]
    public async Task Help_names_the_command_sales_and_lists_every_verb()
    {
        var outcome = await HostProcess.RunAsync("--help");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("sales [command] [options]", outcome.StandardOutput, StringComparison.Ordinal);
        foreach (var verb in new[] { "import", "analyze", "run", "report", "profile", "watch" })
        {
            Assert.Matches($@"(?m)^\s+{verb}\s", outcome.StandardOutput);
        }
    }

    [Fact]
    public async Task An_unknown_verb_exits_non_zero_and_says_which()
    {
        var outcome = await HostProcess.RunAsync("imprt");

        Assert.NotEqual(0, outcome.ExitCode);
        Assert.Contains("'imprt'", outcome.StandardError, StringComparison.Ordinal);
    }
}
