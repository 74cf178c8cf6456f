using System.CommandLine;
using Sales.Host.Commands;

var root = new RootCommand("sales: import the client's products, stores and sales sheets into SQLite, never storing a sales line twice.")
{
    ImportVerb.Create(),
};

return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
