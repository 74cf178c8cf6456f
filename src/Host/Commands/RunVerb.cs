using System.CommandLine;
using System.Runtime.ExceptionServices;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Sales.Application.Run;
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
                Print(await SendAsync(mediator, new RunCommand(request), cancellationToken).ConfigureAwait(false));
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

    // Analyses that fail after a stored import: the import's summary first, then the failure as any other.
    private static async Task<ImportAndAnalyses> SendAsync(IMediator mediator, RunCommand request, CancellationToken cancellationToken)
    {
        try
        {
            return await mediator.Send(request, cancellationToken).ConfigureAwait(false);
        }
        catch (AnalysesFailedException failed)
        {
            ConsoleReport.PrintImport(failed.Import);
            Console.WriteLine();
            ExceptionDispatchInfo.Throw(failed.InnerException!);
            throw;
        }
    }

    private static void Print(ImportAndAnalyses done)
    {
        ConsoleReport.PrintImport(done.Import);
        Console.WriteLine();
        ConsoleReport.PrintAnalysisRun(done.Analyses!);
    }
}
