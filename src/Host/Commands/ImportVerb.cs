using System.CommandLine;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Sales.Host.Commands;

/// <summary><c>import</c>: fetch the three sheets and store what is new.</summary>
internal static class ImportVerb
{
    public static Command Create()
    {
        var command = SharedOptions.WithImportOptions(
            new Command("import", "Import the products, stores and sales sheets; store only the sales lines not stored yet."));
        command.SetAction((parse, cancellationToken) => Failures.Guard(async () =>
        {
            var settings = SharedOptions.Resolve(parse);
            var request = SharedOptions.ImportRequest(parse, settings);
            var services = SharedOptions.BuildServices(settings);
            await using (services.ConfigureAwait(false))
            {
                ConsoleReport.PrintImport(await services.GetRequiredService<IMediator>().Send(request, cancellationToken).ConfigureAwait(false));
                return ExitCodes.Success;
            }
        }));
        return command;
    }
}
