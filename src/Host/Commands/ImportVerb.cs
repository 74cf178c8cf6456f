using System.CommandLine;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Sales.Application.Import;

namespace Sales.Host.Commands;

/// <summary><c>import</c>: fetch the three sheets and store what is new.</summary>
internal static class ImportVerb
{
    public static Command Create()
    {
        var command = new Command("import", "Import the products, stores and sales sheets; store only the sales lines not stored yet.")
        {
            SharedOptions.Database, SharedOptions.Products, SharedOptions.Stores, SharedOptions.SalesSheet,
            SharedOptions.Strict, SharedOptions.DateFormat,
        };
        command.SetAction((parse, cancellationToken) => Failures.Guard(async () =>
        {
            var result = await RunAsync(parse, cancellationToken).ConfigureAwait(false);
            ConsoleReport.PrintImport(result);
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Runs the import described by the command line; shared with <c>run</c>.</summary>
    public static async Task<ImportResult> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var settings = SharedOptions.Resolve(parse);
        var request = new ImportSheetsCommand(settings.Sources.Products, settings.Sources.Stores, settings.Sources.Sales)
        {
            Strict = parse.GetValue(SharedOptions.Strict),
            DateOrder = SharedOptions.ParseDateOrder(parse),
        };
        var services = SharedOptions.BuildServices(settings);
        await using (services.ConfigureAwait(false))
        {
            var mediator = services.GetRequiredService<IMediator>();
            return await mediator.Send(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
