using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Hardening;

/// <summary>
/// The host binds the library's options straight from the <c>Sales</c> section, through the real host process:
/// each whole-number setting reaches the option it names, a key naming a duration that only code sets is ignored
/// (as any unknown key), and a setting out of its range is the same usage error as before (exit 2).
/// </summary>
[Trait("Category", "Slow")]
public sealed class SettingsBindingTests : IAsyncLifetime, IDisposable
{
    private readonly Workspace _workspace = new();
    private readonly LocalHttpServer _server = new();

    public Task InitializeAsync()
    {
        _server.Serve("/products", Reply.Csv(Sheets.TwoProducts));
        _server.Serve("/stores", Reply.Csv(Sheets.TwoStores));
        _server.Serve("/sales", Reply.Csv(Sheets.DistinctSales(20)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _workspace.Dispose();

    [Theory]
    [InlineData("0", 1)]
    [InlineData("2", 3)]
    public async Task Retry_settings_reach_the_download(string retries, int requests)
    {
        _server.Serve("/sales", Reply.Of(503));

        var outcome = await ImportAsync(new() { ["Sales__HttpRetries"] = retries, ["Sales__HttpRetryDelayMilliseconds"] = "1" });

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(requests, _server.RequestsTo("/sales"));
    }

    [Fact]
    public async Task The_timeout_setting_reaches_the_download_in_seconds()
    {
        _server.Serve("/sales", Reply.Csv(Sheets.DistinctSales(20)) with { Delay = Timeout.InfiniteTimeSpan });

        var outcome = await ImportAsync(new() { ["Sales__HttpTimeoutSeconds"] = "1", ["Sales__HttpRetries"] = "0" });

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("no complete answer within 1 s (timeout)", outcome.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_naming_an_option_only_code_sets_is_ignored()
    {
        var outcome = await ImportAsync(new()
        {
            ["Sales__HttpTimeout"] = "not a duration",
            ["Sales__HttpRetryDelay"] = "00:00:01",
            ["Sales__LockWaitLimit"] = "-1",
            ["Sales__LockWaitNotice"] = "x",
        });

        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        Assert.Equal(20, _workspace.Database.Count("sales"));
    }

    [Theory]
    [InlineData("Sales__MaxLineLength", "255", "error: setting Sales:MaxLineLength (env Sales__MaxLineLength) is '255': expected a whole number from 256 to 16777216")]
    [InlineData("Sales__HttpTimeoutSeconds", "86401", "error: setting Sales:HttpTimeoutSeconds (env Sales__HttpTimeoutSeconds) is '86401': expected a whole number from 1 to 86400")]
    [InlineData("Sales__EarliestSaleDay", "1800-01-01", "error: setting Sales:EarliestSaleDay must be 1900-01-01 or later, got 1800-01-01")]
    public async Task A_setting_out_of_its_range_exits_2_with_the_same_message(string variable, string value, string message)
    {
        var outcome = await ImportAsync(new() { [variable] = value });

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal(message, outcome.StandardError.Trim());
        Assert.Empty(_server.Requests);
        Assert.False(File.Exists(_workspace.DatabasePath));
    }

    [Theory]
    [InlineData("Host=db.example;Port=5432;Username=sales;Password=s3cr3t-pw")]
    [InlineData("Data Source=sales.db;Password=s3cr3t-pw")]
    [InlineData(" server = db ; user id = sales ; pwd = s3cr3t-pw ")]
    public async Task A_connection_string_as_database_exits_2_without_creating_a_file_or_printing_it(string connectionString)
    {
        var outcome = await HostProcess.RunInAsync(_workspace.Directory,
        [
            "import", "--db", connectionString,
            "--products", _server.Url("/products"), "--stores", _server.Url("/stores"), "--sales", _server.Url("/sales"),
        ]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith("error: setting Sales:DatabasePath (--db) looks like a connection string", outcome.StandardError.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-pw", outcome.StandardError + outcome.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
        Assert.Empty(Directory.GetFiles(_workspace.Directory, "*=*"));
    }

    private Task<HostProcess.Outcome> ImportAsync(Dictionary<string, string> environment) =>
        HostProcess.RunInAsync(_workspace.Directory, environment,
        [
            "import", "--db", _workspace.DatabasePath,
            "--products", _server.Url("/products"), "--stores", _server.Url("/stores"), "--sales", _server.Url("/sales"),
        ]);
}
