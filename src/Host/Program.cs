using System.CommandLine;
using Sales.Host.Commands;

var root = new RootCommand("sales: import the client's products, stores and sales sheets into SQLite, never storing a sales line twice, and analyze them.")
{
    ImportVerb.Create(),
    AnalyzeVerb.Create(),
    RunVerb.Create(),
    ReportVerb.Create(),
    ProfileVerb.Create(),
};

return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
