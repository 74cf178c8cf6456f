using System.CommandLine;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Sales.Application.Analysis;
using Sales.Host.Rendering;
using Sales.Host.Report;

namespace Sales.Host.Commands;

/// <summary><c>report</c>: print (or write) the results of the latest analysis run.</summary>
internal static class ReportVerb
{
    private static readonly Option<ReportFormat> Format = OptionValues.OneOf(
        "--format", "Output format: table, markdown, csv, json, or html (the client's report: one page with charts).", ReportFormat.Table);

    private static readonly Option<string?> Out = OptionValues.NotEmpty(
        "--out", "Directory to write into instead of printing: one file per analysis (<name>.txt|md|csv|json), or report.html.");

    public static Command Create()
    {
        var command = new Command("report", "Print the results of the latest analysis run as readable tables (or markdown, csv, json), or the client's HTML report.")
        {
            SharedOptions.Database, Format, Out, ReportOptions.Culture,
        };
        command.SetAction((parse, cancellationToken) => Failures.Guard(async () =>
        {
            var settings = SharedOptions.Resolve(parse);
            var format = parse.GetValue(Format);
            var culture = ReportOptions.ResolveCulture(parse, format);
            var outDirectory = parse.GetValue(Out);
            var services = SharedOptions.BuildServices(settings);
            await using (services.ConfigureAwait(false))
            {
                var results = await services.GetRequiredService<IMediator>().Send(new GetLatestResultsQuery(), cancellationToken).ConfigureAwait(false);
                if (format == ReportFormat.Html)
                {
                    return await WriteHtmlAsync(results, culture, outDirectory, cancellationToken).ConfigureAwait(false);
                }

                if (outDirectory is null)
                {
                    Console.Write(ResultRendering.Document(results, format));
                    return ExitCodes.Success;
                }

                Directory.CreateDirectory(outDirectory);
                foreach (var table in results.Tables)
                {
                    var path = Path.Combine(outDirectory, $"{table.Name}.{ResultRendering.Extension(format)}");
                    await File.WriteAllTextAsync(path, ResultRendering.File(results, table, format), cancellationToken).ConfigureAwait(false);
                    Console.WriteLine($"wrote {path}");
                }

                return ExitCodes.Success;
            }
        }));
        return command;
    }

    private static async Task<int> WriteHtmlAsync(StoredResults results, ReportCulture culture, string? outDirectory, CancellationToken cancellationToken)
    {
        var html = HtmlReport.Render(results, culture);
        if (outDirectory is null)
        {
            Console.Write(html);
            return ExitCodes.Success;
        }

        Directory.CreateDirectory(outDirectory);
        var path = Path.Combine(outDirectory, "report.html");
        await ReportFile.WriteAsync(path, html, cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"wrote {path}");
        return ExitCodes.Success;
    }
}
