using Sales.IntegrationTests.Analysis;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Report;

/// <summary>
/// Names from the sheets are data, never markup: script tags, quotes that would end an attribute, an SVG
/// end tag and control characters (a bell, a terminal escape) all show as text in the page and its charts.
/// </summary>
[Trait("Category", "Slow")]
public sealed class HostileNamesReportTests : IDisposable
{
    private const string Script = "<script>alert(1)</script>";
    private const string Quotes = "\"Q\" & 'S' onload=alert(2)";
    private const string EndsSvg = "</svg></figure><img src=x onerror=alert(3)>";
    private const string Control = "Bell\u0007 \u001b[31mred";

    private readonly Workspace _workspace = AnalysisFixture.NewWorkspace();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Hostile_product_and_city_names_show_as_text_in_tables_sentences_and_charts()
    {
        _workspace.Write("produits.csv", Sheets.Products($"{Csv(Script)},P1,10.00,31", $"{Csv(Quotes)},P2,2.45,0", $"{Csv(EndsSvg)},P3,1.99,7"));
        _workspace.Write("magasins.csv", Sheets.Stores($"1,{Csv(Control)},4", $"2,{Csv(Script)},3", "3,Paris,2", "4,Nice,0"));
        await _workspace.ImportAsync();
        await _workspace.AnalyzeAsync();

        var (exitCode, html, error) = await _workspace.RunHostAsync("report", "--db", _workspace.DatabasePath, "--format", "html");
        Assert.True(exitCode == 0, error);
        var (document, errors) = SampleReport.Parse(html);

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        Assert.Empty(document.QuerySelectorAll("script, img"));
        Assert.DoesNotContain(document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        Assert.DoesNotContain('\u0007', html);
        Assert.DoesNotContain('\u001b', html);
        Assert.Equal(7, document.QuerySelectorAll("section.chart svg").Length);

        var products = document.QuerySelectorAll("#by-product tbody th").Select(th => th.TextContent).ToList();
        Assert.Equal([Script, Quotes, EndsSvg], products);
        var cities = document.QuerySelectorAll("#by-city tbody th").Select(th => th.TextContent).ToList();
        Assert.Contains("Bell\uFFFD \uFFFD[31mred", cities);
        Assert.Contains(Script, cities);
        Assert.Contains($"{Script} is the leading product", document.QuerySelector(".insights")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"{EndsSvg}: ", document.QuerySelector("#by-product desc")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Script, document.QuerySelector("#by-product svg")!.TextContent, StringComparison.Ordinal);
    }

    private static string Csv(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
