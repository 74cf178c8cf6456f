using System.Text;
using Sales.IntegrationTests.Analysis;

namespace Sales.IntegrationTests.Report;

/// <summary>The HTML report of the shipped samples, rendered by the real host, read as a reader and a parser would.</summary>
[Trait("Category", "Slow")]
public sealed class HtmlReportTests(SampleReport report) : IClassFixture<SampleReport>
{
    [Fact]
    public void Run_writes_the_report_and_says_where()
    {
        Assert.Contains($"report written to {report.EnglishPath}", report.RunOutput, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(report.Root, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Parses_as_html5_without_errors_and_is_small_enough_to_mail()
    {
        foreach (var html in new[] { report.English, report.French })
        {
            var (document, errors) = SampleReport.Parse(html);
            Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
            Assert.Equal("html", document.DocumentElement.LocalName);
            Assert.True(Encoding.UTF8.GetByteCount(html) < 300_000, $"{Encoding.UTF8.GetByteCount(html)} bytes");
        }
    }

    [Fact]
    public void Needs_no_script_and_requests_nothing()
    {
        var (document, _) = SampleReport.Parse(report.English);
        Assert.Empty(document.QuerySelectorAll("script, link, img, iframe, object, embed, use, image"));
        Assert.DoesNotContain(document.All, e => e.Attributes.Any(a => a.Name is "src" or "href" or "xlink:href" || a.Name.StartsWith("on", StringComparison.Ordinal)));
        Assert.DoesNotContain("url(http", report.English, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", report.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Headline_figures_and_what_the_data_says()
    {
        var (document, _) = SampleReport.Parse(report.English);
        Assert.Equal("€5,268.78", document.QuerySelector("#figure-revenue dd")!.TextContent);
        Assert.Equal("122", document.QuerySelector("#figure-units dd")!.TextContent);
        Assert.Equal("30", document.QuerySelector("#figure-lines dd")!.TextContent);
        Assert.Equal("27 May 2023 to 25 June 2023", document.QuerySelector("#figure-period dd")!.TextContent);
        Assert.Equal("7", document.QuerySelector("#figure-stores dd")!.TextContent);
        Assert.Equal("5", document.QuerySelector("#figure-products dd")!.TextContent);

        var sentences = document.QuerySelectorAll(".insights li").Select(li => li.TextContent).ToList();
        Assert.Equal(
            [
                "Produit D is the leading product: €1,679.79 of revenue, 31.88 % of the total.",
                "Lyon is the leading city with €1,059.79 (20.11 % of revenue).",
                "Store 2 in Marseille earns the most per employee: €201.95 for each of its 5 employees.",
                "The last 7 days (19 June 2023 to 25 June 2023) brought €1,499.71, up 40.20 % on the 7 days before (€1,069.71).",
                "Wednesday is the busiest day of the week: €239.95 of revenue on average, against €122.47 on Friday, the quietest.",
                "Stock runs out first for Produit B: in about 55.56 days at the current pace. Next: Produit E (68.57 days), Produit A (125.00 days).",
            ],
            sentences);
    }

    [Fact]
    public void One_chart_per_question_with_its_table_title_and_data_as_text()
    {
        var (document, _) = SampleReport.Parse(report.English);
        var sections = document.QuerySelectorAll("section.chart").ToList();
        Assert.Equal(["by-day", "by-product", "by-city", "by-weekday", "by-week", "per-employee", "stock-coverage"], sections.Select(s => s.Id));
        foreach (var section in sections)
        {
            var svg = Assert.Single(section.QuerySelectorAll("svg"));
            Assert.False(string.IsNullOrWhiteSpace(svg.QuerySelector("title")?.TextContent), section.Id);
            Assert.False(string.IsNullOrWhiteSpace(svg.QuerySelector("desc")?.TextContent), section.Id);
            Assert.NotEmpty(section.QuerySelectorAll("table tbody tr"));
        }

        // Every id once in the page: each chart's clip paths are its own.
        var ids = document.All.Select(e => e.Id).Where(id => !string.IsNullOrEmpty(id)).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(30, document.QuerySelectorAll("#by-day tbody tr").Length);
        Assert.Equal(5, document.QuerySelectorAll("#by-week tbody tr").Length);
        Assert.Equal(7, document.QuerySelectorAll("#by-weekday tbody tr").Length);
        Assert.Equal(
            ["Week of 22 May 2023 (2023-W21)", "€309.92", ""],
            document.QuerySelectorAll("#by-week tbody tr")[0].Children.Select(c => c.TextContent).Where((_, i) => i is 0 or 3 or 4));
        Assert.Contains("Produit D: €1,679.79", document.QuerySelector("#by-product desc")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Lyon", document.QuerySelector("#by-city tbody tr th")!.TextContent);
        Assert.Contains("Revenue (€)", document.QuerySelector("#by-product svg")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void French_culture_reads_naturally()
    {
        var (document, errors) = SampleReport.Parse(report.French);
        Assert.Empty(errors);
        Assert.Equal("fr", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Rapport des ventes", document.QuerySelector("h1")!.TextContent);
        Assert.Equal("5 268,78 €", SampleReport.Spaced(document.QuerySelector("#figure-revenue dd")!.TextContent));
        Assert.Equal("du 27 mai 2023 au 25 juin 2023", document.QuerySelector("#figure-period dd")!.TextContent);
        var sentences = document.QuerySelectorAll(".insights li").Select(li => SampleReport.Spaced(li.TextContent)).ToList();
        Assert.Equal("Produit D est le produit en tête : 1 679,79 € de chiffre d'affaires, soit 31,88 % du total.", sentences[0]);
        Assert.Equal("Lyon est la ville en tête avec 1 059,79 € (20,11 % du chiffre d'affaires).", sentences[1]);
        Assert.StartsWith("Le mercredi est le jour le plus actif", sentences[4], StringComparison.Ordinal);
        Assert.Equal("Mercredi", document.QuerySelectorAll("#by-weekday tbody th")[2].TextContent);
        Assert.Equal("Chiffre d'affaires par semaine", document.QuerySelector("#by-week h2")!.TextContent);
        Assert.Equal("+40,20 %", SampleReport.Spaced(document.QuerySelectorAll("#by-week tbody tr")[^1].Children[^1].TextContent));
    }

    [Fact]
    public async Task Other_formats_keep_machine_readable_figures_and_refuse_a_culture()
    {
        var csv = await AnalysisHost(report, "report", "--db", report.DatabasePath, "--format", "csv");
        Assert.Equal(0, csv.ExitCode);
        Assert.Contains("2023-05-22,2023-05-28,2023-W21,2,8,309.92,", csv.Output, StringComparison.Ordinal);

        var refused = await AnalysisHost(report, "report", "--db", report.DatabasePath, "--format", "csv", "--culture", "fr-FR");
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal("error: --culture applies to --format html only: the other formats keep their exact machine-readable figures", refused.Error.Trim());

        var unknown = await AnalysisHost(report, "report", "--db", report.DatabasePath, "--format", "html", "--culture", "xx-NOPE");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal("error: --culture 'xx-NOPE' is not a known culture name (for example fr-FR or en-GB)", unknown.Error.Trim());
        Assert.Empty(unknown.Output);
    }

    [Fact]
    public async Task Report_format_html_prints_the_same_page_without_out()
    {
        var printed = await AnalysisHost(report, "report", "--db", report.DatabasePath, "--format", "html");
        Assert.Equal(0, printed.ExitCode);
        Assert.Equal(report.English, printed.Output);
    }

    [Fact]
    public async Task An_analysis_run_without_sales_gives_a_page_that_says_so_without_charts()
    {
        using var empty = new Support.Workspace();
        var database = empty.File("empty.db");
        Assert.Equal(0, (await Support.HostProcess.RunInAsync(empty.Directory, "analyze", "--db", database)).ExitCode);

        var printed = await Support.HostProcess.RunInAsync(empty.Directory, "report", "--db", database, "--format", "html");

        Assert.True(printed.ExitCode == 0, printed.StandardError);
        var (document, errors) = SampleReport.Parse(printed.StandardOutput);
        Assert.Empty(errors);
        Assert.Equal("€0.00", document.QuerySelector("#figure-revenue dd")!.TextContent);
        Assert.Equal(["No sales are stored yet: the charts and tables are empty."], document.QuerySelectorAll(".insights li").Select(li => li.TextContent));
        Assert.Empty(document.QuerySelectorAll("svg"));
        Assert.Equal(7, document.QuerySelectorAll("section.chart p.empty").Length);
    }

    [Fact]
    public async Task Run_refuses_a_report_file_that_is_a_directory_before_importing()
    {
        var run = await AnalysisHost(report, "run", "--db", report.DatabasePath, "--report-html", report.Root);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: --report-html '{report.Root}' is a directory: name the file to write", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    private static async Task<(int ExitCode, string Output, string Error)> AnalysisHost(SampleReport report, params string[] arguments)
    {
        var outcome = await Support.HostProcess.RunInAsync(report.Root, arguments);
        return (outcome.ExitCode, outcome.StandardOutput, outcome.StandardError);
    }
}
