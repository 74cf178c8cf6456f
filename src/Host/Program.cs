using System.CommandLine;
using Sales.Host.Commands;

var watch = WatchVerb.Create();
var root = new RootCommand("sales: import the client's products, stores and sales sheets into SQLite, never storing a sales line twice, and analyze them.")
{
    ImportVerb.Create(),
    AnalyzeVerb.Create(),
    RunVerb.Create(),
    ReportVerb.Create(),
    ProfileVerb.Create(),
    watch,
};

var parse = root.Parse(args);

// System.CommandLine ends the process 2 s after SIGINT/SIGTERM (exit 130/143); watch handles the
// signals itself instead, as it must stay alive until its cycle has finished or rolled back and then exit 0.
var invocation = new InvocationConfiguration();
if (ReferenceEquals(parse.CommandResult.Command, watch))
{
    invocation.ProcessTerminationTimeout = null;
}

return await parse.InvokeAsync(invocation).ConfigureAwait(false);
