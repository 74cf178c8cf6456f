using System.Text.Json;
using Sales.IntegrationTests.Hardening;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Progress;

/// <summary>
/// <c>import</c> and <c>run</c> with <c>--format json</c>, through the real host: stdout is one JSON
/// document and nothing else, with the counts per sheet, the import id and the warnings (and for
/// <c>run</c> the analyses stored), valid and plain ASCII whatever the sources' names and lines hold,
/// secrets redacted; a format that is not one of the names is a usage error.
/// </summary>
[Trait("Category", "Slow")]
public sealed class JsonSummaryTests : IAsyncLifetime, IDisposable
{
    private const string Secret = "T0K3N-SECRET-99";

    private readonly Workspace _workspace = new();
    private readonly LocalHttpServer _server = new();

    private static string[] Samples =>
        ["--products", Repository.Sample("produits.csv"), "--stores", Repository.Sample("magasins.csv"), "--sales", Repository.Sample("ventes.csv")];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Import_counts_each_sample_sheet_then_a_reimport_counts_nothing_new()
    {
        using var first = await ImportJsonAsync(Samples);
        using var again = await ImportJsonAsync(Samples);

        var firstImport = first.RootElement;
        Assert.Equal(1, firstImport.GetProperty("importId").GetInt64());
        Assert.Equal(30, firstImport.GetProperty("newSales").GetInt32());
        Assert.Equal([("products", 5, 5), ("stores", 7, 7), ("sales", 30, 30)], Counts(firstImport, "read", "new"));
        Assert.Equal(0, firstImport.GetProperty("warnings").GetArrayLength());
        var sales = Sheet(firstImport, "sales");
        Assert.Equal(Repository.Sample("ventes.csv"), sales.GetProperty("source").GetString());
        Assert.False(sales.GetProperty("unchanged").GetBoolean());
        Assert.Matches("^[0-9a-f]{64}$", sales.GetProperty("contentSha256").GetString()!);

        var secondImport = again.RootElement;
        Assert.Equal(2, secondImport.GetProperty("importId").GetInt64());
        Assert.Equal(0, secondImport.GetProperty("newSales").GetInt32());
        Assert.Equal([("products", 0, 5), ("stores", 0, 7), ("sales", 0, 30)], Counts(secondImport, "new", "duplicate"));
    }

    [Fact]
    public async Task Run_adds_the_analyses_it_stored_and_the_report_written()
    {
        var report = Path.Combine(_workspace.Directory, "report.html");

        var outcome = await HostProcess.RunAsync(["run", "--db", _workspace.DatabasePath, .. Samples, "--format", "json", "--report-html", report]);

        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        using var document = JsonDocument.Parse(outcome.StandardOutput);
        var root = document.RootElement;
        Assert.Equal(30, root.GetProperty("import").GetProperty("newSales").GetInt32());
        var run = root.GetProperty("analysisRun");
        Assert.Equal(1, run.GetProperty("id").GetInt64());
        Assert.Equal(30, run.GetProperty("salesLines").GetInt64());
        Assert.Equal(1, run.GetProperty("lastImportId").GetInt64());
        var analyses = run.GetProperty("analyses").EnumerateArray().ToList();
        Assert.NotEmpty(analyses);
        Assert.All(analyses, a => Assert.False(string.IsNullOrEmpty(a.GetProperty("name").GetString())));
        Assert.Contains(analyses, a => a.GetProperty("rows").GetInt32() > 0);
        Assert.Equal(report, root.GetProperty("reportPath").GetString());
        Assert.True(File.Exists(report));
    }

    [Fact]
    public async Task Hostile_source_names_and_lines_stay_valid_ascii_json_and_secrets_stay_out()
    {
        // Quotes, a backslash, a terminal escape, a bell and a line break in the file name; the same in a refused line.
        var hostileName = "ventes \"q\" \\ \u001b[31m \u0007\n.csv";
        var sales = _workspace.Write(hostileName, Sheets.DistinctSales(3) + "2020-01-09,REF001,\"7 \"\"x\"\" \u001b[2J\u0007\",1\n");
        _server.Serve($"/products.csv?token={Secret}", Reply.Csv(Sheets.TwoProducts));
        var products = _server.Url($"/products.csv?token={Secret}");
        var stores = _workspace.Write("magasins.csv", Sheets.TwoStores);

        var outcome = await HostProcess.RunAsync(["import", "--db", _workspace.DatabasePath, "--products", products, "--stores", stores, "--sales", sales, "--format", "json"]);

        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        Assert.DoesNotContain(Secret, outcome.StandardOutput, StringComparison.Ordinal);
        Assert.All(outcome.StandardOutput, c => Assert.True(c == '\n' || (c >= ' ' && c < 0x7f), $"U+{(int)c:X4} in the JSON text"));
        using var document = JsonDocument.Parse(outcome.StandardOutput);
        var sheet = Sheet(document.RootElement, "sales");
        Assert.Equal(sales, sheet.GetProperty("source").GetString());
        Assert.Equal(1, sheet.GetProperty("rejected").GetInt32());
        var refused = Assert.Single(sheet.GetProperty("rejectedLines").EnumerateArray());
        Assert.Equal(5, refused.GetProperty("line").GetInt64());
        Assert.Contains("\u001b[2J\u0007", refused.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("token=***", Sheet(document.RootElement, "products").GetProperty("source").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_header_only_sheet_is_a_warning_with_its_code()
    {
        var sales = _workspace.Write("ventes.csv", Sheets.Sales());

        using var document = await ImportJsonAsync(["--products", _workspace.Write("p.csv", Sheets.TwoProducts), "--stores", _workspace.Write("s.csv", Sheets.TwoStores), "--sales", sales]);

        var warning = Assert.Single(document.RootElement.GetProperty("warnings").EnumerateArray());
        Assert.Equal("headerOnly", warning.GetProperty("code").GetString());
        Assert.Equal("sales", warning.GetProperty("sheet").GetString());
        Assert.Contains("header only", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_import_prints_nothing_on_stdout_and_its_error_on_stderr()
    {
        var outcome = await HostProcess.RunAsync(["import", "--db", _workspace.DatabasePath, "--sales", Path.Combine(_workspace.Directory, "missing.csv"), "--format", "json"]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(string.Empty, outcome.StandardOutput);
        Assert.StartsWith("error: ", outcome.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("import", "xml")]
    [InlineData("run", "xml")]
    [InlineData("import", "1")]
    [InlineData("run", "")]
    public async Task A_format_that_is_not_text_or_json_exits_2_naming_the_option(string verb, string format)
    {
        var outcome = await HostProcess.RunAsync([verb, "--db", _workspace.DatabasePath, .. Samples, "--format", format]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal(string.Empty, outcome.StandardOutput);
        Assert.Contains("--format", outcome.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(_workspace.DatabasePath));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("TEXT")]
    public async Task Format_text_is_the_default_summary(string format)
    {
        var byDefault = await HostProcess.RunAsync(["import", "--db", _workspace.DatabasePath + ".1", .. Samples]);
        var asked = await HostProcess.RunAsync(["import", "--db", _workspace.DatabasePath + ".2", .. Samples, "--format", format]);

        Assert.Equal(0, asked.ExitCode);
        Assert.StartsWith("import #1\n", asked.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(byDefault.StandardOutput, asked.StandardOutput);
    }

    private static JsonElement Sheet(JsonElement import, string name) =>
        import.GetProperty("sheets").EnumerateArray().Single(s => s.GetProperty("sheet").GetString() == name);

    private static List<(string Sheet, int First, int Second)> Counts(JsonElement import, string first, string second) =>
        [.. import.GetProperty("sheets").EnumerateArray()
            .Select(s => (s.GetProperty("sheet").GetString()!, s.GetProperty(first).GetInt32(), s.GetProperty(second).GetInt32()))];

    private async Task<JsonDocument> ImportJsonAsync(string[] sources)
    {
        var outcome = await HostProcess.RunAsync(["import", "--db", _workspace.DatabasePath, .. sources, "--format", "json"]);
        Assert.True(outcome.ExitCode == 0, outcome.StandardError);

        // The whole of stdout is the document: JsonDocument refuses anything before or after it.
        return JsonDocument.Parse(outcome.StandardOutput);
    }
}
