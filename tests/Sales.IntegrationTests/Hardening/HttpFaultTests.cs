using Sales.Application.Abstractions;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Hardening;

/// <summary>
/// Network faults against a real HTTP server on 127.0.0.1: transient ones are retried, the others
/// fail the import at once with a clear error, and a failed import leaves the data as it was.
/// </summary>
public sealed class HttpFaultTests : IAsyncLifetime, IDisposable
{
    private readonly Workspace _workspace = new();
    private readonly LocalHttpServer _server = new();
    private string _before = string.Empty;

    public async Task InitializeAsync()
    {
        // A database holding a first import, which every failed import must leave as it is.
        _server.Serve("/products", Reply.Csv(Sheets.TwoProducts));
        _server.Serve("/stores", Reply.Csv(Sheets.TwoStores));
        _server.Serve("/sales", Reply.Csv(Sheets.DistinctSales(100)));
        await ImportAsync();
        _before = _workspace.Database.Dump();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _workspace.Dispose();

    [Theory]
    [InlineData(503, 500)]
    [InlineData(429, 408)]
    public async Task Transient_statuses_are_retried_and_the_import_then_succeeds(int firstStatus, int secondStatus)
    {
        _server.Serve("/sales", request => request.Ordinal switch
        {
            1 => Reply.Of(firstStatus),
            2 => Reply.Of(secondStatus),
            _ => Reply.Csv(Sheets.DistinctSales(150)),
        });

        var result = await ImportAsync();

        Assert.Equal(50, result.NewSales);
        Assert.Equal(3, _server.RequestsTo("/sales"));
    }

    [Fact]
    public async Task A_404_fails_at_once_without_retrying_and_changes_nothing()
    {
        _server.Serve("/sales", Reply.Of(404));

        var error = await Assert.ThrowsAsync<SheetSourceException>(() => ImportAsync());

        Assert.Contains("HTTP 404", error.Message, StringComparison.Ordinal);
        Assert.Equal(_server.Url("/sales"), error.Source);
        Assert.Equal(1, _server.RequestsTo("/sales"));
        Assert.Equal(_before, _workspace.Database.Dump());
    }

    [Fact]
    public async Task A_server_failing_every_time_gets_a_bounded_number_of_attempts()
    {
        _server.Serve("/sales", Reply.Of(503));

        var error = await Assert.ThrowsAsync<SheetSourceException>(() => ImportAsync(o => o.HttpRetries = 2));

        Assert.Contains("HTTP 503", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, _server.RequestsTo("/sales"));
        Assert.Equal(_before, _workspace.Database.Dump());
    }

    [Fact]
    public async Task A_server_too_slow_times_out_and_changes_nothing()
    {
        // The server never answers: only the client's timeout can end the wait.
        _server.Serve("/sales", Reply.Csv(Sheets.DistinctSales(150)) with { Delay = Timeout.InfiniteTimeSpan });

        var error = await Assert.ThrowsAsync<SheetSourceException>(() => ImportAsync(o => o.HttpTimeout = TimeSpan.FromMilliseconds(500)));

        Assert.Contains("timeout", error.Message, StringComparison.Ordinal);
        Assert.Equal(_before, _workspace.Database.Dump());
    }

    [Fact]
    public async Task Retries_stop_at_the_overall_timeout()
    {
        _server.Serve("/sales", Reply.Of(503));

        var error = await Assert.ThrowsAsync<SheetSourceException>(() => ImportAsync(o =>
        {
            o.HttpRetries = 1000;
            o.HttpRetryDelay = TimeSpan.FromMilliseconds(200);
            o.HttpTimeout = TimeSpan.FromSeconds(1);
        }));

        // 1000 retries would wait minutes: the timeout, not the retry count, ended them (how many
        // fit in the second depends on the machine's speed, so it is not asserted).
        Assert.Contains("timeout", error.Message, StringComparison.Ordinal);
        Assert.InRange(_server.RequestsTo("/sales"), 0, 1000);
    }

    [Theory]
    [InlineData(BodyFault.CutShort)]
    [InlineData(BodyFault.ResetMidBody)]
    public async Task A_body_broken_mid_way_fails_the_import_and_changes_nothing(BodyFault fault)
    {
        _server.Serve("/sales", Reply.Csv(Sheets.DistinctSales(5000)) with { Fault = fault });

        var error = await Assert.ThrowsAsync<SheetSourceException>(() => ImportAsync());

        Assert.Contains("download broken", error.Message, StringComparison.Ordinal);
        Assert.Equal(_server.Url("/sales"), error.Source);
        Assert.Equal(_before, _workspace.Database.Dump());
        Assert.Equal("failed", _workspace.Database.Text("SELECT outcome FROM imports ORDER BY id DESC LIMIT 1"));
    }

    [Fact]
    public async Task A_redirect_is_followed()
    {
        _server.Serve("/published", Reply.Redirect(_server.Url("/sales-export")));
        _server.Serve("/sales-export", Reply.Csv(Sheets.DistinctSales(120)));

        var result = await _workspace.ImportAsync(null, null, _server.Url("/published"));

        Assert.Equal(20, result.NewSales);
    }

    [Fact]
    public async Task An_html_page_instead_of_csv_is_refused_as_an_unpublished_sheet()
    {
        var page = Reply.Csv("<!DOCTYPE html><html><body>Sign in</body></html>");
        page.Headers["Content-Type"] = "text/html; charset=utf-8";
        _server.Serve("/sales", page);
        _server.Serve("/products", Reply.Csv("<!DOCTYPE html>\n<html><body>Sign in</body></html>\n"));

        var served = await Assert.ThrowsAsync<SheetSourceException>(() => _workspace.ImportAsync(null, null, _server.Url("/sales")));
        var sniffed = await Assert.ThrowsAsync<SheetSourceException>(() => _workspace.ImportAsync(_server.Url("/products"), null, null));

        Assert.Contains("HTML page", served.Message, StringComparison.Ordinal);
        Assert.Contains("not published", served.Message, StringComparison.Ordinal);
        Assert.Contains("HTML page", sniffed.Message, StringComparison.Ordinal);
        Assert.Equal(_before, _workspace.Database.Dump());
    }

    private Task<Sales.Application.Import.ImportResult> ImportAsync(Action<Sales.Infrastructure.SalesOptions>? configure = null) =>
        _workspace.ImportAsync(_server.Url("/products"), _server.Url("/stores"), _server.Url("/sales"), configure);
}
