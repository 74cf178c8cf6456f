using System.CommandLine;
using System.CommandLine.Help;
using Sales.Host.Commands;

var watch = WatchVerb.Create();
// A named Command rather than RootCommand: RootCommand takes its name from the entry assembly, so help
// would say "Sales.Host" where the user typed `sales` (the tool) or `docker compose run host`.
var root = new Command("sales", "Import the client's products, stores and sales sheets into SQLite, never storing a sales line twice, and analyze them.")
{
    new HelpOption(),
    new VersionOption(),
    ImportVerb.Create(),
    AnalyzeVerb.Create(),
    RunVerb.Create(),
    ReportVerb.Create(),
    ProfileVerb.Create(),
    watch,
};

var parse = root.Parse(args);
if (ParseErrors.Any(parse))
{
    return ParseErrors.Report(parse);
}

// System.CommandLine ends the process 2 s after SIGINT/SIGTERM (exit 130/143); watch handles the
// signals itself instead, as it must stay alive until its cycle has finished or rolled back and then exit 0.
var invocation = new InvocationConfiguration();
if (ReferenceEquals(parse.CommandResult.Command, watch))
{
    invocation.ProcessTerminationTimeout = null;
}

return await parse.InvokeAsync(invocation).ConfigureAwait(false);
