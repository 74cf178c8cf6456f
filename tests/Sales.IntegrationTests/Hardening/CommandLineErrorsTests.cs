using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Hardening;

/// <summary>
/// A wrong command line or setting, through the real host process: exit code 2, one line on stderr
/// naming the option or setting (and, for what the parser refuses, where the usage is), nothing run,
/// no database created, nothing downloaded.
/// </summary>
[Trait("Category", "Slow")]
public sealed class CommandLineErrorsTests : IAsyncLifetime, IDisposable
{
    private readonly Workspace _workspace = new();
    private readonly LocalHttpServer _server = new();

    private string Database => _workspace.DatabasePath;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _workspace.Dispose();

    [Theory]
    [InlineData("'imprt'", "imprt")]
    [InlineData("'--bogus'", "import", "--bogus")]
    [InlineData("'--db'", "import", "--db")]
    [InlineData("--format 'xml' is not one of table, markdown, csv, json", "report", "--format", "xml")]
    [InlineData("--format '2' is not one of table, markdown, csv, json", "report", "--format", "2")]
    [InlineData("'--format'", "report", "--format")]
    [InlineData("'extra'", "analyze", "extra")]
    [InlineData("command", new string[0])]
    [InlineData("--sales is empty", "import", "--sales", "")]
    [InlineData("--products is empty", "run", "--products", " ")]
    [InlineData("--db is empty", "report", "--db", "")]
    [InlineData("--out is empty", "profile", "--out", "")]
    public async Task A_command_line_the_parser_refuses_exits_2_with_one_line_and_a_pointer_to_help(string named, params string[] arguments)
    {
        var outcome = await RunAsync(new Dictionary<string, string>(), arguments);

        AssertUsageError(outcome, named);
        Assert.Matches(@"\(see 'sales( \w+)? --help'\)$", outcome.StandardError.Trim());
    }

    [Theory]
    [InlineData("Sales__Sources__Sales", "")]
    [InlineData("Sales__Sources__Products", "")]
    [InlineData("Sales__Sources__Stores", " ")]
    [InlineData("Sales__DatabasePath", "")]
    public async Task A_setting_set_but_empty_exits_2_naming_it(string variable, string value)
    {
        var outcome = await RunAsync(new Dictionary<string, string> { [variable] = value }, ["import", .. SourcesExcept(variable)]);

        AssertUsageError(outcome, $"(env {variable}) is empty");
    }

    [Theory]
    [InlineData("Sales__HttpTimeoutSeconds", "-5", "from 1 to 86400")]
    [InlineData("Sales__HttpTimeoutSeconds", "0", "from 1 to 86400")]
    [InlineData("Sales__HttpTimeoutSeconds", "1e3", "from 1 to 86400")]
    [InlineData("Sales__HttpRetries", "abc", "from 0 to 20")]
    [InlineData("Sales__HttpRetries", "-1", "from 0 to 20")]
    [InlineData("Sales__HttpRetryDelayMilliseconds", "1.5", "from 0 to 600000")]
    [InlineData("Sales__HttpRetryDelayMilliseconds", "99999999999", "from 0 to 600000")]
    [InlineData("Sales__DatabaseLockWaitSeconds", "-1", "from 0 to 86400")]
    [InlineData("Sales__MaxLineLength", "10", "from 256 to 16777216")]
    [InlineData("Sales__MaxSheetBytes", "1k", "from 1024 to 68719476736")]
    public async Task A_numeric_setting_that_is_not_a_number_in_range_exits_2_naming_it(string variable, string value, string range)
    {
        var outcome = await RunAsync(new Dictionary<string, string> { [variable] = value }, ["import", .. SourcesExcept(null)]);

        AssertUsageError(outcome, $"(env {variable}) is '{value}': expected a whole number {range}");
    }

    [Fact]
    public async Task A_day_setting_not_written_as_a_day_exits_2_naming_it()
    {
        var outcome = await RunAsync(new Dictionary<string, string> { ["Sales__EarliestSaleDay"] = "01/02/2000" }, ["import", .. SourcesExcept(null)]);

        AssertUsageError(outcome, "(env Sales__EarliestSaleDay) is '01/02/2000': expected a day written yyyy-MM-dd");
    }

    [Fact]
    public async Task Format_names_are_accepted_in_any_case()
    {
        var outcome = await RunAsync(new Dictionary<string, string>(), ["report", "--db", Database, "--format", "JSON"]);

        // Parsed: the report then fails for want of a database, not for its format.
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("does not exist", outcome.StandardError, StringComparison.Ordinal);
    }

    private string[] SourcesExcept(string? variable) =>
    [
        .. variable == "Sales__DatabasePath" ? Array.Empty<string>() : ["--db", Database],
        .. variable == "Sales__Sources__Products" ? Array.Empty<string>() : ["--products", _server.Url("/products.csv")],
        .. variable == "Sales__Sources__Stores" ? Array.Empty<string>() : ["--stores", _server.Url("/stores.csv")],
        .. variable == "Sales__Sources__Sales" ? Array.Empty<string>() : ["--sales", _server.Url("/sales.csv")],
    ];

    private Task<HostProcess.Outcome> RunAsync(Dictionary<string, string> environment, string[] arguments) =>
        HostProcess.RunInAsync(_workspace.Directory, environment, arguments);

    private void AssertUsageError(HostProcess.Outcome outcome, string named)
    {
        Assert.True(outcome.ExitCode == 2, $"exit {outcome.ExitCode}: {outcome.StandardOutput}{outcome.StandardError}");
        var line = Assert.Single(outcome.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.Empty(outcome.StandardOutput);
        Assert.Empty(Directory.GetFiles(_workspace.Directory));
        Assert.Empty(_server.Requests);
    }
}
