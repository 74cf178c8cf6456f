using System.CommandLine;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Sales.Application.Analysis;
using Sales.Host.Report;

namespace Sales.Host.Commands;

/// <summary><c>run</c>: import then analyze, the job a data engineer schedules (and the container's default).</summary>
internal static class RunVerb
{
    public static Command Create()
    {
        var command = ReportOptions.WithReportFile(SharedOptions.WithImportOptions(
            new Command("run", "Import the three sheets, then run every analysis on the stored sales (import + analyze), and optionally write the HTML report.")));
        command.SetAction((parse, cancellationToken) => Failures.Guard(async () =>
        {
            var settings = SharedOptions.Resolve(parse);
            var request = SharedOptions.ImportRequest(parse, settings);
            var report = ReportOptions.ResolveFile(parse);
            var services = SharedOptions.BuildServices(settings);
            await using (services.ConfigureAwait(false))
            {
                var mediator = services.GetRequiredService<IMediator>();

                // A failed import stops here: analyses never run on a half-imported extract.
                ConsoleReport.PrintImport(await mediator.Send(request, cancellationToken).ConfigureAwait(false));
                Console.WriteLine();
                ConsoleReport.PrintAnalysisRun(await mediator.Send(new RunAnalysesCommand(), cancellationToken).ConfigureAwait(false));
                if (report.Path is null)
                {
                    return ExitCodes.Success;
                }

                var failure = await LatestReport.TryWriteAsync(mediator, report.Path, report.Culture, cancellationToken).ConfigureAwait(false);
                if (failure is not null)
                {
                    await Console.Error.WriteLineAsync($"error: {failure}").ConfigureAwait(false);
                    return ExitCodes.Failed;
                }

                Console.WriteLine($"report written to {report.Path}");
                return ExitCodes.Success;
            }
        }));
        return command;
    }
}
