using System.CommandLine;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Sales.Application.Progress;
using Sales.Host.Progress;
using Sales.Host.Rendering;

namespace Sales.Host.Commands;

/// <summary><c>import</c>: fetch the three sheets and store what is new.</summary>
internal static class ImportVerb
{
    public static Command Create()
    {
        var command = OutputOptions.WithOutputOptions(SharedOptions.WithImportOptions(
            new Command("import", "Import the products, stores and sales sheets; store only the sales lines not stored yet.")), withFormat: true);
        command.SetAction((parse, cancellationToken) => Failures.Guard(async () =>
        {
            var settings = SharedOptions.Resolve(parse);
            var request = SharedOptions.ImportRequest(parse, settings);
            var services = SharedOptions.BuildServices(settings);
            await using (services.ConfigureAwait(false))
            {
                var mediator = services.GetRequiredService<IMediator>();
                var result = await ProgressLine.ShowWhileAsync(services.GetRequiredService<WorkProgress>(), parse.GetValue(OutputOptions.Quiet),
                    () => mediator.Send(request, cancellationToken)).ConfigureAwait(false);
                if (parse.GetValue(OutputOptions.Format) == SummaryFormat.Json)
                {
                    Console.WriteLine(JsonSummary.OfImport(result));
                }
                else
                {
                    ConsoleReport.PrintImport(result);
                }

                return ExitCodes.Success;
            }
        }));
        return command;
    }
}
