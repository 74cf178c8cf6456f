using System.CommandLine;
using System.Globalization;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Sales.Application.Analysis;
using Sales.Host.Rendering;

namespace Sales.Host.Commands;

/// <summary><c>analyze</c>: run every analysis on the stored sales and store the results as a new run.</summary>
internal static class AnalyzeVerb
{
    public static Command Create()
    {
        var command = new Command("analyze", "Run every SQL analysis on the stored sales and store the results as a new run (history is kept).")
        {
            SharedOptions.Database,
        };
        command.SetAction((parse, cancellationToken) => Failures.Guard(async () =>
        {
            var services = SharedOptions.BuildServices(SharedOptions.Resolve(parse));
            await using (services.ConfigureAwait(false))
            {
                Print(await services.GetRequiredService<IMediator>().Send(new RunAnalysesCommand(), cancellationToken).ConfigureAwait(false));
                return ExitCodes.Success;
            }
        }));
        return command;
    }

    /// <summary>Prints what a run stored; shared with <c>run</c>.</summary>
    public static void Print(AnalysisRunSummary summary)
    {
        var run = summary.Run;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"analysis run #{run.Id}: {summary.Analyses.Count} analyses over {run.SalesLines} sales lines, covering {ResultRendering.Covered(run)}"));
        Console.Write(TextTables.Aligned(
            ["analysis", "rows", "what it shows"],
            summary.Analyses.Select(a => (IReadOnlyList<string>)[a.Name, a.Rows.ToString(CultureInfo.InvariantCulture), a.Title]).ToList(),
            [false, true, false]));
        Console.WriteLine("results stored in tables analysis_<name> (views latest_<name>); print them with 'report'");
    }
}
