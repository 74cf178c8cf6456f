using System.Diagnostics;
using System.Text;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Sales.Application;
using Sales.Application.Analysis;
using Sales.Application.Import;
using Sales.Infrastructure;

namespace Sales.IntegrationTests.Support;

/// <summary>
/// A fresh temporary directory per test holding a real SQLite database and sheet files; runs commands
/// in-process (through the mediator, as the host does) or through the real host binary.
/// </summary>
internal sealed class Workspace : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public Workspace()
    {
        DatabasePath = File("sales.db");
    }

    public string Directory => _directory.Path;

    public string DatabasePath { get; set; }

    /// <summary>The database at <see cref="DatabasePath"/>, to read what the commands stored.</summary>
    public SqliteFile Database => new(DatabasePath);

    public string File(string name) => Path.Combine(Directory, name);

    /// <summary>Writes <paramref name="text"/> as it is (UTF-8 without a BOM unless told) and returns the file's path.</summary>
    public string Write(string name, string text, Encoding? encoding = null)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, text, encoding ?? new UTF8Encoding(false));
        return path;
    }

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = File(name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>The real services on this workspace's database, as a package consumer wires them; <paramref name="clock"/> replaces the system's.</summary>
    public ServiceProvider Services(Action<SalesOptions>? configure = null, TimeProvider? clock = null)
    {
        var services = new ServiceCollection()
            .AddSalesApplication()
            .AddSalesInfrastructure(options =>
            {
                options.DatabasePath = DatabasePath;
                options.HttpTimeout = TimeSpan.FromSeconds(30);
                configure?.Invoke(options);
            });
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        return services.BuildServiceProvider();
    }

    public async Task<TResult> SendAsync<TResult>(IRequest<TResult> request, Action<SalesOptions>? configure = null, TimeProvider? clock = null)
    {
        var services = Services(configure, clock);
        await using (services.ConfigureAwait(false))
        {
            return await services.GetRequiredService<IMediator>().Send(request).ConfigureAwait(false);
        }
    }

    public Task<ImportResult> ImportAsync(string? products, string? stores, string? sales, Action<SalesOptions>? configure = null, Func<ImportSheetsCommand, ImportSheetsCommand>? adjust = null)
    {
        var command = new ImportSheetsCommand(products, stores, sales);
        return SendAsync(adjust is null ? command : adjust(command), options =>
        {
            options.HttpTimeout = TimeSpan.FromSeconds(20);
            options.HttpRetryDelay = TimeSpan.FromMilliseconds(20);
            configure?.Invoke(options);
        });
    }

    /// <summary>Imports the sheets written here under the client's names: produits.csv, magasins.csv, ventes.csv.</summary>
    public Task<ImportResult> ImportAsync() => ImportAsync(File("produits.csv"), File("magasins.csv"), File("ventes.csv"));

    public Task<AnalysisRunSummary> AnalyzeAsync() => SendAsync(new RunAnalysesCommand());

    public Task<StoredResults> LatestAsync() => SendAsync(new GetLatestResultsQuery());

    /// <summary>Runs the real host binary in this directory to its end; returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output, string Error)> RunHostAsync(params string[] arguments)
    {
        var outcome = await HostProcess.RunInAsync(Directory, arguments).ConfigureAwait(false);
        return (outcome.ExitCode, outcome.StandardOutput, outcome.StandardError);
    }

    /// <summary>Runs the host binary's <c>import</c> on this workspace's database to its end.</summary>
    public Task<(int ExitCode, string Output, string Error)> RunImportAsync(params string[] arguments) =>
        RunHostAsync(ImportOnThisDatabase(arguments));

    /// <summary>Starts the real host binary's <c>import</c> on this workspace's database.</summary>
    public Process StartImport(params string[] arguments) => HostProcess.Start(Directory, ImportOnThisDatabase(arguments));

    private string[] ImportOnThisDatabase(string[] arguments) => ["import", "--db", DatabasePath, .. arguments];

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            _directory.Dispose();
        }
        catch (IOException)
        {
            // A killed process may still hold a file for a moment; the temp directory is cleaned later.
        }
    }
}
