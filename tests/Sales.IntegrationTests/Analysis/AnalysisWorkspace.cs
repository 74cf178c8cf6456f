using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Sales.Application.Analysis;
using Sales.Application.Import;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Analysis;

/// <summary>
/// A temporary directory with a real SQLite file and the small fixture whose figures are computed by
/// hand in <see cref="AnalysisFiguresTests"/>: 3 products, 4 stores (two in Paris, one without
/// employees), 6 sales lines over 2024-01-01..03 with no sale on the 2nd.
/// </summary>
internal sealed class AnalysisWorkspace : IDisposable
{
    public const string Products = """
        Nom,ID Référence produit,Prix,Stock
        Alpha,P1,10.00,31
        Beta,P2,2.45,0
        Gamma,P3,1.99,7
        """;

    public const string Stores = """
        ID Magasin,Ville,Nombre de salariés
        1,Paris,4
        2,Lyon,3
        3,Paris,2
        4,Nice,0
        """;

    public const string Sales = """
        Date,ID Référence produit,Quantité,ID Magasin
        2024-01-01,P1,2,1
        2024-01-01,P2,4,2
        2024-01-03,P2,2,1
        2024-01-03,P1,1,3
        2024-01-01,P1,2,1
        2024-01-03,P1,4,2
        """;

    private readonly TemporaryDirectory _directory = new();

    public AnalysisWorkspace()
    {
        ProductsPath = Write("produits.csv", Products);
        StoresPath = Write("magasins.csv", Stores);
        SalesPath = Write("ventes.csv", Sales);
    }

    public string Root => _directory.Path;

    public string DatabasePath => Path.Combine(Root, "sales.db");

    public string ProductsPath { get; }

    public string StoresPath { get; }

    public string SalesPath { get; }

    public string Write(string name, string content)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, content.ReplaceLineEndings("\n") + "\n");
        return path;
    }

    public Task<ImportResult> ImportAsync() => SendAsync(new ImportSheetsCommand(ProductsPath, StoresPath, SalesPath));

    public Task<AnalysisRunSummary> AnalyzeAsync() => SendAsync(new RunAnalysesCommand());

    public Task<StoredResults> LatestAsync() => SendAsync(new GetLatestResultsQuery());

    public async Task<TResult> SendAsync<TResult>(IRequest<TResult> request)
    {
        var services = Databases.Services(DatabasePath);
        await using (services.ConfigureAwait(false))
        {
            return await services.GetRequiredService<IMediator>().Send(request).ConfigureAwait(false);
        }
    }

    public async Task<long> ScalarAsync(string sql)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return (long)(await command.ExecuteScalarAsync().ConfigureAwait(false))!;
        }
    }

    /// <summary>Runs the real host (the built Sales.Host.dll) in this directory.</summary>
    public async Task<(int ExitCode, string Output, string Error)> RunHostAsync(params string[] arguments)
    {
        var outcome = await HostProcess.RunInAsync(Root, arguments).ConfigureAwait(false);
        return (outcome.ExitCode, outcome.StandardOutput, outcome.StandardError);
    }

    public void Dispose() => _directory.Dispose();
}
