using System.CommandLine;
using System.Runtime.ExceptionServices;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Sales.Application.Import;
using Sales.Application.Progress;
using Sales.Application.Run;
using Sales.Host.Progress;
using Sales.Host.Rendering;
using Sales.Host.Report;

namespace Sales.Host.Commands;

/// <summary><c>run</c>: import then analyze, the job a data engineer schedules (and the container's default).</summary>
internal static class RunVerb
{
    public static Command Create()
    {
        var command = OutputOptions.WithOutputOptions(ReportOptions.WithReportFile(SharedOptions.WithImportOptions(
            new Command("run", "Import the three sheets, then run every analysis on the stored sales (import + analyze), and optionally write the HTML report."))), withFormat: true);
        command.SetAction((parse, cancellationToken) => Failures.Guard(async () =>
        {
            var settings = SharedOptions.Resolve(parse);
            var request = SharedOptions.ImportRequest(parse, settings);
            var report = ReportOptions.ResolveFile(parse);
            var services = SharedOptions.BuildServices(settings);
            await using (services.ConfigureAwait(false))
            {
                return await RunAsync(parse, services, request, report, cancellationToken).ConfigureAwait(false);
            }
        }));
        return command;
    }

    private static async Task<int> RunAsync(
        ParseResult parse, ServiceProvider services, ImportSheetsCommand request, (string? Path, ReportCulture Culture) report, CancellationToken cancellationToken)
    {
        var mediator = services.GetRequiredService<IMediator>();
        var progress = services.GetRequiredService<WorkProgress>();
        var json = parse.GetValue(OutputOptions.Format) == SummaryFormat.Json;

        var done = await ProgressLine.ShowWhileAsync(progress, parse.GetValue(OutputOptions.Quiet),
            () => SendAsync(mediator, new RunCommand(request), json, cancellationToken)).ConfigureAwait(false);
        if (!json)
        {
            ConsoleReport.PrintImport(done.Import);
            Console.WriteLine();
            ConsoleReport.PrintAnalysisRun(done.Analyses!);
        }

        if (report.Path is not null)
        {
            var failure = await LatestReport.TryWriteAsync(mediator, report.Path, report.Culture, cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                await Console.Error.WriteLineAsync($"error: {failure}").ConfigureAwait(false);
                return ExitCodes.Failed;
            }
        }

        if (json)
        {
            Console.WriteLine(JsonSummary.OfRun(done.Import, done.Analyses!, report.Path));
        }
        else if (report.Path is not null)
        {
            Console.WriteLine($"report written to {report.Path}");
        }

        return ExitCodes.Success;
    }

    // Analyses that fail after a stored import: in text, the import's summary first, then the failure as any
    // other; in JSON, a failed command prints no document at all.
    private static async Task<ImportAndAnalyses> SendAsync(IMediator mediator, RunCommand request, bool json, CancellationToken cancellationToken)
    {
        try
        {
            return await mediator.Send(request, cancellationToken).ConfigureAwait(false);
        }
        catch (AnalysesFailedException failed)
        {
            if (!json)
            {
                ConsoleReport.PrintImport(failed.Import);
                Console.WriteLine();
            }

            ExceptionDispatchInfo.Throw(failed.InnerException!);
            throw;
        }
    }
}
