using System.CommandLine;

namespace Sales.Host.Commands;

/// <summary><c>run</c>: import then analyze, the job a data engineer schedules (and the container's default).</summary>
internal static class RunVerb
{
    public static Command Create()
    {
        var command = new Command("run", "Import the three sheets, then run every analysis on the stored sales (import + analyze).")
        {
            SharedOptions.Database, SharedOptions.Products, SharedOptions.Stores, SharedOptions.SalesSheet,
            SharedOptions.Strict, SharedOptions.DateFormat,
        };
        command.SetAction((parse, cancellationToken) => Failures.Guard(async () =>
        {
            // A failed import stops here: analyses never run on a half-imported extract.
            var imported = await ImportVerb.RunAsync(parse, cancellationToken).ConfigureAwait(false);
            ConsoleReport.PrintImport(imported);
            Console.WriteLine();
            AnalyzeVerb.Print(await AnalyzeVerb.RunAsync(SharedOptions.Resolve(parse), cancellationToken).ConfigureAwait(false));
            return ExitCodes.Success;
        }));
        return command;
    }
}
