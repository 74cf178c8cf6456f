using System.CommandLine;
using MediatR;
using Sales.Application.Import;
using Microsoft.Extensions.DependencyInjection;
using Sales.Application.Watch;
using Sales.Host.Report;

namespace Sales.Host.Commands;

/// <summary>
/// <c>watch</c>: import every <c>--interval</c> what is new in the sheets (conditional requests, so
/// an unchanged sheet is not downloaded), run the analyses when something new was stored, print
/// one line per cycle, and stop cleanly on SIGINT or SIGTERM.
/// </summary>
internal static class WatchVerb
{
    public const string Name = "watch";

    public static readonly Option<string> Interval = new("--interval")
    {
        Description = $"Time between cycles: {WatchInterval.Accepted}. Default: 5m.",
        DefaultValueFactory = _ => "5m",
    };

    public static Command Create()
    {
        var command = SharedOptions.WithImportOptions(new Command(Name, "Keep the database in step with the live sheets: import what is new every --interval, then run the analyses if something new was stored. Stops on Ctrl+C or SIGTERM, exit code 0."));
        command.Options.Add(Interval);
        ReportOptions.WithReportFile(command);

        // The token System.CommandLine passes is not used: watch handles the signals itself (see Program.cs).
        command.SetAction((parse, _) => Failures.Guard(() => RunAsync(parse)));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse)
    {
        var intervalText = parse.GetValue(Interval);
        if (!WatchInterval.TryParse(intervalText, out var interval))
        {
            throw new UsageException($"--interval '{intervalText}' is not {WatchInterval.Accepted}");
        }

        var settings = SharedOptions.Resolve(parse);
        var report = ReportOptions.ResolveFile(parse);
        // A cycle where every source answered 304 logs nothing: its line on the console is its trace.
        var import = SharedOptions.ImportRequest(parse, settings) with { LogWhenUnchanged = false };

        using var stop = new StopSignals(signal => Console.WriteLine($"{signal} received: stopping once the cycle in progress has finished or rolled back"));
        var services = SharedOptions.BuildServices(settings);
        await using (services.ConfigureAwait(false))
        {
            var mediator = services.GetRequiredService<IMediator>();
            var clock = services.GetRequiredService<TimeProvider>();
            WatchReport.PrintStart(interval, settings.Sources.Sales ?? "(no sales sheet)");
            return await WatchAsync(mediator, clock, new WatchSchedule(interval), import, report, stop).ConfigureAwait(false);
        }
    }

    private static async Task<int> WatchAsync(
        IMediator mediator, TimeProvider clock, WatchSchedule schedule, ImportSheetsCommand import, (string? Path, ReportCulture Culture) report, StopSignals stop)
    {
        while (true)
        {
            var cycle = await mediator.Send(schedule.NextCycle(import), stop.Token).ConfigureAwait(false);
            if (cycle.Interrupted)
            {
                WatchReport.PrintStopped(cycle);
                return ExitCodes.Success;
            }

            var step = schedule.After(cycle);
            WatchReport.PrintCycle(cycle, step, schedule);
            if (cycle.Analyses is not null && report.Path is not null)
            {
                // Not cancelled by a stop signal: the run is stored, its report takes a moment and should match it.
                var failure = await LatestReport.TryWriteAsync(mediator, report.Path, report.Culture, CancellationToken.None).ConfigureAwait(false);
                if (failure is not null)
                {
                    Console.WriteLine(failure);
                }
            }

            if (step.Stop)
            {
                return ExitCodes.Failed;
            }

            try
            {
                await Task.Delay(step.Wait, clock, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.Requested)
            {
                WatchReport.PrintStopped(null);
                return ExitCodes.Success;
            }
        }
    }
}
