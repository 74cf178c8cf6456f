using System.Diagnostics;
using System.Globalization;
using System.Text;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Sales.Application.Import;
using Sales.Infrastructure;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Hardening;

/// <summary>
/// A temporary directory holding a real SQLite database and sheet files; runs imports in-process
/// (through the mediator, as the host does) or through the real host binary.
/// </summary>
internal sealed class Workspace : IDisposable
{
    public const string Products = "Nom,ID Référence produit,Prix,Stock\nProduit A,REF001,49.99,100\nProduit B,REF002,19.99,50\n";
    public const string Stores = "ID Magasin,Ville,Nombre de salariés\n1,Paris,10\n2,Marseille,5\n";
    public const string SalesHeader = "Date,ID Référence produit,Quantité,ID Magasin\n";

    // Every table whose content an import may change, each dumped in a fixed order.
    private static readonly string[] DataTables =
        ["products", "stores", "sales", "rejected_lines", "import_sheets", "source_validators"];

    private readonly TemporaryDirectory _directory = new();

    public Workspace()
    {
        DatabasePath = Path.Combine(Directory, "sales.db");
    }

    public string Directory => _directory.Path;

    public string DatabasePath { get; set; }

    /// <summary>A sales sheet of <paramref name="count"/> lines starting at <paramref name="first"/>, all distinct.</summary>
    public static string SalesLines(int count, int first = 0)
    {
        var text = new StringBuilder(SalesHeader);
        for (var i = first; i < first + count; i++)
        {
            // Distinct by (day, quantity): 1000 quantities per day over enough days.
            var day = new DateOnly(2020, 1, 1).AddDays(i / 1000);
            text.Append(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd},REF00{1 + (i % 2)},{1 + (i % 1000)},{1 + (i % 2)}\n");
        }

        return text.ToString();
    }

    public string Write(string name, string text, Encoding? encoding = null)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, text, encoding ?? new UTF8Encoding(false));
        return path;
    }

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public async Task<ImportResult> ImportAsync(string? products, string? stores, string? sales, Action<SalesOptions>? configure = null, Func<ImportSheetsCommand, ImportSheetsCommand>? adjust = null)
    {
        var services = Databases.Services(DatabasePath, options =>
        {
            options.HttpTimeout = TimeSpan.FromSeconds(20);
            options.HttpRetryDelay = TimeSpan.FromMilliseconds(20);
            configure?.Invoke(options);
        });
        await using (services)
        {
            var command = new ImportSheetsCommand(products, stores, sales);
            return await services.GetRequiredService<IMediator>().Send(adjust is null ? command : adjust(command));
        }
    }

    public SqliteConnection Open() => Databases.Open(DatabasePath);

    public long Scalar(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public string Text(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? string.Empty;
    }

    /// <summary>Every row of every data table, as text: equal dumps mean equal data.</summary>
    public string Dump()
    {
        if (!File.Exists(DatabasePath))
        {
            return "(no database)";
        }

        using var connection = Open();
        var dump = new StringBuilder();
        foreach (var table in DataTables)
        {
            using var exists = connection.CreateCommand();
            exists.CommandText = $"SELECT COUNT(*) FROM sqlite_master WHERE name = '{table}'";
            if (Convert.ToInt64(exists.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
            {
                continue;
            }

            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM {table} ORDER BY 1, 2, 3";
            using var reader = select.ExecuteReader();
            dump.Append("## ").Append(table).Append('\n');
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    dump.Append(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('|');
                }

                dump.Append('\n');
            }
        }

        return dump.ToString();
    }

    /// <summary>Starts the real host binary's <c>import</c> on this workspace's database.</summary>
    public Process StartHost(params string[] arguments) => HostProcess.Start(Directory, ImportOnThisDatabase(arguments));

    /// <summary>Runs the host binary's <c>import</c> to its end; returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output, string Error)> RunHostAsync(params string[] arguments)
    {
        var outcome = await HostProcess.RunInAsync(Directory, ImportOnThisDatabase(arguments));
        return (outcome.ExitCode, outcome.StandardOutput, outcome.StandardError);
    }

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
