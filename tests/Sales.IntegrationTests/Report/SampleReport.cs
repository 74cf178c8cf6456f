using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Report;

/// <summary>
/// The shipped samples imported and analyzed by the real host (<c>run --report-html</c> writes the English
/// report), then the French report written by <c>report --format html --culture fr-FR --out</c>.
/// </summary>
public sealed class SampleReport : IAsyncLifetime, IDisposable
{
    private readonly Workspace _workspace = new();

    public string Root => _workspace.Directory;

    public string DatabasePath => _workspace.DatabasePath;

    public string EnglishPath => Path.Combine(Root, "report.html");

    public string FrenchPath => Path.Combine(Root, "fr", "report.html");

    public string English { get; private set; } = string.Empty;

    public string French { get; private set; } = string.Empty;

    public string RunOutput { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var samples = Path.Combine(Repository.Root, "samples");
        var run = await HostProcess.RunInAsync(Root, "run", "--db", DatabasePath, "--report-html", EnglishPath,
            "--products", Path.Combine(samples, "produits.csv"), "--stores", Path.Combine(samples, "magasins.csv"), "--sales", Path.Combine(samples, "ventes.csv"));
        Assert.True(run.ExitCode == 0, run.StandardError);
        RunOutput = run.StandardOutput;
        English = await File.ReadAllTextAsync(EnglishPath);

        var french = await HostProcess.RunInAsync(Root, "report", "--db", DatabasePath, "--format", "html", "--culture", "fr-FR", "--out", Path.GetDirectoryName(FrenchPath)!);
        Assert.True(french.ExitCode == 0, french.StandardError);
        French = await File.ReadAllTextAsync(FrenchPath);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _workspace.Dispose();

    /// <summary>Parses <paramref name="html"/> as HTML5, collecting every parse error.</summary>
    public static (IHtmlDocument Document, List<string> Errors) Parse(string html)
    {
        var lines = html.Split('\n');
        var errors = new List<string>();
        var parser = new HtmlParser();
        parser.Error += (_, e) =>
        {
            var error = (AngleSharp.Html.Dom.Events.HtmlErrorEvent)e;
            var at = lines[error.Position.Line - 1][(error.Position.Column - 1)..];
            if (!IsCamelCaseSvgEndTag(at))
            {
                errors.Add($"{error.Position.Line}:{error.Position.Column} {error.Message} at '{at[..Math.Min(at.Length, 40)]}'");
            }
        };
        return (parser.ParseDocument(html), errors);
    }

    // AngleSharp 1.10 reports "closing tag does not match" for </clipPath>: it compares the end tag, lower-cased
    // by the tokenizer, with the element's adjusted SVG name case-sensitively, where HTML5 (13.2.6.5, foreign
    // content, "any other end tag") compares them lower-cased, without an error. The tree it builds is right.
    private static bool IsCamelCaseSvgEndTag(string at) =>
        at.StartsWith("</clipPath>", StringComparison.Ordinal) || at.StartsWith("</linearGradient>", StringComparison.Ordinal);

    /// <summary>Text with the no-break spaces French number formats use turned into plain spaces.</summary>
    public static string Spaced(string text) => text.Replace('\u202F', ' ').Replace('\u00A0', ' ');
}
