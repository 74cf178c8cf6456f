using Sales.Application.Abstractions;
using Sales.Application.Import;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests;

/// <summary>Imports from a real HTTP server on 127.0.0.1 that answers like published sheets.</summary>
public sealed class HttpImportTests : IAsyncLifetime, IDisposable
{
    private readonly Workspace _workspace = new();
    private readonly LocalHttpServer _server = new();

    public HttpImportTests()
    {
        foreach (var (path, file) in new[] { ("/products", "produits.csv"), ("/stores", "magasins.csv"), ("/sales", "ventes.csv") })
        {
            _server.Serve("/content" + path, Reply.File(File.ReadAllBytes(Repository.Sample(file))));
            _server.Serve("/pub" + path, Reply.Redirect(_server.Url("/content" + path)));
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _workspace.Dispose();

    private Task<ImportResult> ImportAsync(string products, string stores, string sales) =>
        _workspace.SendAsync(new ImportSheetsCommand(products, stores, sales));

    [Fact]
    public async Task Sheets_behind_a_307_redirect_are_imported_once()
    {
        var urls = new[] { "/pub/products", "/pub/stores", "/pub/sales" }.Select(_server.Url).ToArray();

        var first = await ImportAsync(urls[0], urls[1], urls[2]);
        var second = await ImportAsync(urls[0], urls[1], urls[2]);

        Assert.Equal([5, 7, 30], first.Sheets.Select(s => s.New));
        Assert.Equal(0, second.NewSales);
        Assert.Equal(30, _workspace.Database.Count("sales"));
        Assert.Equal(urls[2], first.Sheets[2].Source);
    }

    [Fact]
    public async Task An_html_sign_in_page_is_refused_as_not_csv()
    {
        _server.Serve("/unpublished", Reply.File("<!DOCTYPE html><html><body>Sign in</body></html>"u8.ToArray(), "text/html; charset=utf-8"));

        var error = await Assert.ThrowsAsync<SheetSourceException>(() =>
            ImportAsync(_server.Url("/unpublished"), _server.Url("/pub/stores"), _server.Url("/pub/sales")));

        Assert.Contains("HTML page, not CSV", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _workspace.Database.Count("products"));
    }

    [Fact]
    public async Task A_missing_sheet_names_the_url_and_the_status()
    {
        var error = await Assert.ThrowsAsync<SheetSourceException>(() =>
            ImportAsync(_server.Url("/pub/products"), _server.Url("/pub/stores"), _server.Url("/nowhere")));

        Assert.Equal(_server.Url("/nowhere") + ": the server answered HTTP 404 Not Found", error.Message);
    }
}
