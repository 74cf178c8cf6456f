using System.CommandLine;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Sales.Application.Analysis;
using Sales.Application.Import;
using Sales.Application.Progress;
using Sales.Host.Progress;
using Sales.Host.Report;
using Sales.Host.Rendering;

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
        var quiet = parse.GetValue(OutputOptions.Quiet);
        var json = parse.GetValue(OutputOptions.Format) == SummaryFormat.Json;

        // A failed import stops here: analyses never run on a half-imported extract.
        var import = await ProgressLine.ShowWhileAsync(progress, quiet, () => mediator.Send(request, cancellationToken)).ConfigureAwait(false);
        if (!json)
        {
            ConsoleReport.PrintImport(import);
            Console.WriteLine();
        }

        progress.Enter(WorkStage.Analyzing, default);
        var analyses = await ProgressLine.ShowWhileAsync(progress, quiet, () => mediator.Send(new RunAnalysesCommand(), cancellationToken)).ConfigureAwait(false);
        if (!json)
        {
            ConsoleReport.PrintAnalysisRun(analyses);
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
            Console.WriteLine(JsonSummary.OfRun(import, analyses, report.Path));
        }
        else if (report.Path is not null)
        {
            Console.WriteLine($"report written to {report.Path}");
        }

        return ExitCodes.Success;
    }
}
