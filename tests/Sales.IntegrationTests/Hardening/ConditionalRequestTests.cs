using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Hardening;

/// <summary>
/// The ETag / Last-Modified of each source is stored with the import; the next import asks the
/// server conditionally and an unchanged source (304) is reported unchanged, not downloaded.
/// </summary>
public sealed class ConditionalRequestTests : IAsyncLifetime, IDisposable
{
    private const string LastModified = "Sat, 27 May 2023 10:00:00 GMT";
    private readonly Workspace _workspace = new();
    private readonly LocalHttpServer _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task An_unchanged_source_answered_304_is_reported_unchanged_and_not_downloaded()
    {
        ServeWithETags(salesLines: 100);
        var first = await ImportAsync();

        var second = await ImportAsync();

        Assert.Equal(100, first.NewSales);
        Assert.All(second.Sheets, sheet => Assert.True(sheet.Unchanged));
        Assert.Equal(0, second.NewSales);
        Assert.Equal(["\"p1\"", "\"v100\"", "\"s1\""], _server.Requests.Where(r => r.Ordinal == 2).OrderBy(r => r.Path).Select(r => r.Headers["If-None-Match"]));
        Assert.All(_server.Answers.Skip(3), answer => Assert.Equal(304, answer.Status));
        Assert.Equal(3, _workspace.Database.Scalar("SELECT COUNT(*) FROM import_sheets WHERE unchanged = 1"));
        Assert.Equal(100, _workspace.Database.Scalar("SELECT COUNT(*) FROM sales"));
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task The_host_prints_unchanged_for_a_source_answered_304()
    {
        ServeWithETags(salesLines: 10);
        string[] arguments = ["--products", _server.Url("/products"), "--stores", _server.Url("/stores"), "--sales", _server.Url("/sales")];
        var first = await _workspace.RunImportAsync(arguments);

        var second = await _workspace.RunImportAsync(arguments);

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Matches(@"sales\s+unchanged \(304 Not Modified\)", second.Output);
    }

    [Fact]
    public async Task A_changed_source_is_downloaded_and_only_its_new_lines_stored()
    {
        ServeWithETags(salesLines: 100);
        await ImportAsync();
        ServeWithETags(salesLines: 130);

        var second = await ImportAsync();

        Assert.Equal(30, second.NewSales);
        Assert.False(second.Sheets.Single(s => s.Kind == Domain.Sheets.SheetKind.Sales).Unchanged);
        Assert.Equal("\"v130\"", _workspace.Database.Text("SELECT etag FROM source_validators WHERE sheet = 'sales'"));
    }

    [Fact]
    public async Task Last_modified_alone_is_sent_back_as_if_modified_since()
    {
        _server.Serve("/sales", request => request.Headers.TryGetValue("If-Modified-Since", out var since) && since == LastModified
            ? Reply.Of(304)
            : Reply.Csv(Sheets.DistinctSales(10), lastModified: LastModified));
        await _workspace.ImportAsync(_workspace.Write("p.csv", Sheets.TwoProducts), _workspace.Write("s.csv", Sheets.TwoStores), _server.Url("/sales"));

        var second = await _workspace.ImportAsync(null, null, _server.Url("/sales"));

        Assert.True(Assert.Single(second.Sheets).Unchanged);
        Assert.Equal(2, _server.RequestsTo("/sales"));
    }

    [Fact]
    public async Task Conditional_requests_survive_the_redirect_of_a_published_link()
    {
        _server.Serve("/pub", Reply.Redirect(_server.Url("/export")));
        _server.Serve("/export", request => request.Headers.GetValueOrDefault("If-None-Match") == "\"v1\""
            ? Reply.Of(304)
            : Reply.Csv(Sheets.DistinctSales(10), etag: "\"v1\""));
        await _workspace.ImportAsync(_workspace.Write("p.csv", Sheets.TwoProducts), _workspace.Write("s.csv", Sheets.TwoStores), _server.Url("/pub"));

        var second = await _workspace.ImportAsync(null, null, _server.Url("/pub"));

        Assert.True(Assert.Single(second.Sheets).Unchanged);
        Assert.Equal(304, _server.Answers.Last().Status);
    }

    [Fact]
    public async Task A_local_file_is_read_again_each_time_and_its_known_lines_counted_as_duplicates()
    {
        var products = _workspace.Write("p.csv", Sheets.TwoProducts);
        var stores = _workspace.Write("s.csv", Sheets.TwoStores);
        var sales = _workspace.Write("v.csv", Sheets.DistinctSales(20));
        await _workspace.ImportAsync(products, stores, sales);

        var second = await _workspace.ImportAsync(products, stores, sales);

        var salesSheet = second.Sheets.Single(s => s.Kind == Domain.Sheets.SheetKind.Sales);
        Assert.False(salesSheet.Unchanged);
        Assert.Equal((20, 0, 20), (salesSheet.Read, salesSheet.New, salesSheet.Duplicate));
    }

    [Fact]
    public async Task An_unchanged_sales_sheet_is_read_again_when_a_new_product_may_now_match_its_refused_lines()
    {
        var sales = Sheets.Sales("2023-05-27,REF001,1,1", "2023-05-27,REF003,1,1");
        _server.Serve("/sales", request => request.Headers.GetValueOrDefault("If-None-Match") == "\"v1\"" ? Reply.Of(304) : Reply.Csv(sales, etag: "\"v1\""));
        var stores = _workspace.Write("s.csv", Sheets.TwoStores);
        var first = await _workspace.ImportAsync(_workspace.Write("p.csv", Sheets.TwoProducts), stores, _server.Url("/sales"));
        var withNewProduct = _workspace.Write("p2.csv", Sheets.TwoProducts + "Produit C,REF003,5.00,1\n");

        var sameRun = await _workspace.ImportAsync(withNewProduct, stores, _server.Url("/sales"));

        Assert.Equal(1, first.NewSales);
        Assert.Equal(1, sameRun.NewSales);
        Assert.Equal(2, _workspace.Database.Scalar("SELECT COUNT(*) FROM sales"));
    }

    [Fact]
    public async Task An_unchanged_sales_sheet_is_read_again_when_products_were_added_by_another_import()
    {
        var sales = Sheets.Sales("2023-05-27,REF001,1,1", "2023-05-27,REF003,1,1");
        _server.Serve("/sales", request => request.Headers.GetValueOrDefault("If-None-Match") == "\"v1\"" ? Reply.Of(304) : Reply.Csv(sales, etag: "\"v1\""));
        await _workspace.ImportAsync(_workspace.Write("p.csv", Sheets.TwoProducts), _workspace.Write("s.csv", Sheets.TwoStores), _server.Url("/sales"));
        await _workspace.ImportAsync(_workspace.Write("p2.csv", Sheets.TwoProducts + "Produit C,REF003,5.00,1\n"), null, null);

        var salesOnly = await _workspace.ImportAsync(null, null, _server.Url("/sales"));

        Assert.Equal(1, salesOnly.NewSales);
        Assert.Equal(2, _workspace.Database.Scalar("SELECT COUNT(*) FROM sales"));
    }

    [Fact]
    public async Task A_failed_import_does_not_store_the_new_validators()
    {
        ServeWithETags(salesLines: 10);
        await ImportAsync();
        _server.Serve("/sales", Reply.Csv(Sheets.DistinctSales(20), etag: "\"v20\"") with { Fault = BodyFault.CutShort });

        await Assert.ThrowsAsync<Sales.Application.Abstractions.SheetSourceException>(() => ImportAsync());

        Assert.Equal("\"v10\"", _workspace.Database.Text("SELECT etag FROM source_validators WHERE sheet = 'sales'"));
    }

    private void ServeWithETags(int salesLines)
    {
        Serve("/products", Sheets.TwoProducts, "\"p1\"");
        Serve("/stores", Sheets.TwoStores, "\"s1\"");
        Serve("/sales", Sheets.DistinctSales(salesLines), $"\"v{salesLines}\"");
    }

    private void Serve(string path, string text, string etag) =>
        _server.Serve(path, request => request.Headers.GetValueOrDefault("If-None-Match") == etag ? Reply.Of(304) : Reply.Csv(text, etag));

    private Task<Sales.Application.Import.ImportResult> ImportAsync() =>
        _workspace.ImportAsync(_server.Url("/products"), _server.Url("/stores"), _server.Url("/sales"));
}
