using System.CommandLine;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Sales.Application.Analysis;

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
                ConsoleReport.PrintAnalysisRun(await services.GetRequiredService<IMediator>().Send(new RunAnalysesCommand(), cancellationToken).ConfigureAwait(false));
                return ExitCodes.Success;
            }
        }));
        return command;
    }
}
