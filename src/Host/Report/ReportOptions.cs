using System.CommandLine;
using Sales.Host.Commands;
using Sales.Host.Rendering;

namespace Sales.Host.Report;

/// <summary>The options that ask for the HTML report: its culture (<c>report</c>, <c>run</c>, <c>watch</c>) and its file (<c>run</c>, <c>watch</c>).</summary>
internal static class ReportOptions
{
    public static readonly Option<string?> Culture = new("--culture")
    {
        Description = "Culture of the HTML report's numbers, money, dates and words, e.g. fr-FR (default: invariant English). The other formats keep machine-readable figures.",
    };

    public static readonly Option<string?> ReportHtml = new("--report-html")
    {
        Description = "After each analysis run that stored new results, write the HTML report to this file (replaced whole, never half-written).",
    };

    /// <summary>Adds <c>--report-html</c> and <c>--culture</c> to a verb that runs the analyses.</summary>
    public static Command WithReportFile(Command command)
    {
        command.Options.Add(ReportHtml);
        command.Options.Add(Culture);
        return command;
    }

    /// <summary>The report's culture; <c>--culture</c> with a machine-readable format is a usage error rather than silently ignored.</summary>
    public static ReportCulture ResolveCulture(ParseResult parse, ReportFormat format)
    {
        var name = parse.GetValue(Culture);
        if (name is not null && format != ReportFormat.Html)
        {
            throw new UsageException("--culture applies to --format html only: the other formats keep their exact machine-readable figures");
        }

        return ReportCulture.Named(name);
    }

    /// <summary>Where <c>run</c>/<c>watch</c> write the report (null: they do not), and in which culture.</summary>
    public static (string? Path, ReportCulture Culture) ResolveFile(ParseResult parse)
    {
        var path = parse.GetValue(ReportHtml);
        var culture = parse.GetValue(Culture);
        if (path is null && culture is not null)
        {
            throw new UsageException("--culture needs --report-html: it is the culture of that report");
        }

        if (path is not null && Directory.Exists(path))
        {
            throw new UsageException($"--report-html '{path}' is a directory: name the file to write, e.g. {Path.Combine(path, "report.html")}");
        }

        return (path, ReportCulture.Named(culture));
    }
}
