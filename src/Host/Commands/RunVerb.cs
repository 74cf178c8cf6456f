using System.CommandLine;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Sales.Application.Analysis;

namespace Sales.Host.Commands;

/// <summary><c>run</c>: import then analyze, the job a data engineer schedules (and the container's default).</summary>
internal static class RunVerb
{
    public static Command Create()
    {
        var command = SharedOptions.WithImportOptions(
            new Command("run", "Import the three sheets, then run every analysis on the stored sales (import + analyze)."));
        command.SetAction((parse, cancellationToken) => Failures.Guard(async () =>
        {
            var settings = SharedOptions.Resolve(parse);
            var request = SharedOptions.ImportRequest(parse, settings);
            var services = SharedOptions.BuildServices(settings);
            await using (services.ConfigureAwait(false))
            {
                var mediator = services.GetRequiredService<IMediator>();

                // A failed import stops here: analyses never run on a half-imported extract.
                ConsoleReport.PrintImport(await mediator.Send(request, cancellationToken).ConfigureAwait(false));
                Console.WriteLine();
                ConsoleReport.PrintAnalysisRun(await mediator.Send(new RunAnalysesCommand(), cancellationToken).ConfigureAwait(false));
                return ExitCodes.Success;
            }
        }));
        return command;
    }
}
