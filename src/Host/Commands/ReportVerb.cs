using System.CommandLine;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Sales.Application.Analysis;
using Sales.Host.Rendering;

namespace Sales.Host.Commands;

/// <summary><c>report</c>: print (or write) the results of the latest analysis run.</summary>
internal static class ReportVerb
{
    private static readonly Option<ReportFormat> Format = OptionValues.OneOf("--format", "Output format: table, markdown, csv or json.", ReportFormat.Table);

    private static readonly Option<string?> Out = OptionValues.NotEmpty(
        "--out", "Directory to write one file per analysis into (<name>.txt|md|csv|json), instead of printing.");

    public static Command Create()
    {
        var command = new Command("report", "Print the results of the latest analysis run as readable tables (or markdown, csv, json).")
        {
            SharedOptions.Database, Format, Out,
        };
        command.SetAction((parse, cancellationToken) => Failures.Guard(async () =>
        {
            var settings = SharedOptions.Resolve(parse);
            var format = parse.GetValue(Format);
            var outDirectory = parse.GetValue(Out);
            var services = SharedOptions.BuildServices(settings);
            await using (services.ConfigureAwait(false))
            {
                var results = await services.GetRequiredService<IMediator>().Send(new GetLatestResultsQuery(), cancellationToken).ConfigureAwait(false);
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
}
