using Sales.Application.Abstractions;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Hardening;

/// <summary>A database that cannot be written is reported before anything is downloaded.</summary>
public sealed class DatabaseLocationTests : IAsyncLifetime, IDisposable
{
    private readonly Workspace _workspace = new();
    private readonly LocalHttpServer _server = new();

    public Task InitializeAsync()
    {
        _server.Serve("/sales", Reply.Csv(Sheets.DistinctSales(10)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task A_missing_directory_is_reported_before_any_download()
    {
        _workspace.DatabasePath = Path.Combine(_workspace.Directory, "missing", "sales.db");

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => _workspace.ImportAsync(null, null, _server.Url("/sales")));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    // Tests run as root, for whom a chmod'ed directory stays writable: /proc and /sys are read-only for everyone.
    [Theory]
    [InlineData("/proc/sales.db")]
    [InlineData("/sys/sales.db")]
    public async Task A_read_only_directory_is_reported_before_any_download(string path)
    {
        _workspace.DatabasePath = path;

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => _workspace.ImportAsync(null, null, _server.Url("/sales")));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task The_host_exits_non_zero_with_one_clear_line_before_any_download()
    {
        _workspace.DatabasePath = Path.Combine(_workspace.Directory, "missing", "sales.db");

        var (exitCode, _, error) = await _workspace.RunImportAsync("--products", _server.Url("/products"), "--stores", _server.Url("/stores"), "--sales", _server.Url("/sales"));

        Assert.Equal(1, exitCode);
        Assert.StartsWith("error: database", error, StringComparison.Ordinal);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }
}
