using System.Diagnostics;
using Dapper;
using Npgsql;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Postgres;

/// <summary>One test's own database on the <see cref="PostgresServer"/>: its URI for the host, and queries on it.</summary>
internal sealed class TestDatabase(PostgresServer server, string name)
{
    // Every table whose content an import may change, each dumped in a fixed order.
    private static readonly string[] DataTables =
        ["imports", "products", "stores", "sales", "rejected_lines", "import_sheets", "source_validators"];

    public string Name => name;

    /// <summary>The URI the host is given: the superuser, no password (trusted).</summary>
    public string Uri => $"postgresql://postgres@127.0.0.1:{server.Port}/{name}";

    public PostgresServer Server => server;

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await server.OpenAdminAsync(name);
        return await connection.ExecuteScalarAsync<T>(sql) ?? throw new InvalidOperationException($"no value: {sql}");
    }

    public async Task<long> CountAsync(string sql) => await ScalarAsync<long>(sql);

    /// <summary>Every row of every data table but <paramref name="except"/>, as text in a fixed order: equal dumps, equal data.</summary>
    public async Task<string> DumpAsync(params string[] except)
    {
        await using var connection = await server.OpenAdminAsync(name);
        var tables = new List<string>();
        foreach (var table in DataTables.Except(except))
        {
            var rows = await connection.QueryAsync<string>($"SELECT t::text FROM {table} AS t ORDER BY 1");
            tables.Add(table + ":\n" + string.Join("\n", rows));
        }

        return string.Join("\n", tables);
    }

    /// <summary>Every value of every table and view of the database, as text.</summary>
    public async Task<string> AllTextAsync()
    {
        await using var connection = await server.OpenAdminAsync(name);
        var tables = await connection.QueryAsync<string>(
            "SELECT quote_ident(table_name) FROM information_schema.tables WHERE table_schema = 'public'");
        var text = new List<string>();
        foreach (var table in tables)
        {
            text.AddRange(await connection.QueryAsync<string>($"SELECT t::text FROM {table} AS t"));
        }

        return string.Join("\n", text);
    }

    /// <summary>Runs the real host with <paramref name="arguments"/>, and <paramref name="environment"/> set.</summary>
    public static async Task<HostProcess.Outcome> RunHostAsync(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        using var process = StartHost(environment, arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return new HostProcess.Outcome(process.ExitCode, await output, await error);
    }

    public static Process StartHost(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = HostProcess.StartInfo(string.Empty, arguments);

        // The host must not find a password anywhere the test did not put it.
        start.Environment.Remove("PGPASSWORD");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    public Task<HostProcess.Outcome> ImportAsync(string products, string stores, string sales, params string[] more) =>
        RunHostAsync(null, ["import", "--db", Uri, "--products", products, "--stores", stores, "--sales", sales, .. more]);

    public Task<HostProcess.Outcome> ImportSamplesAsync() =>
        ImportAsync(Repository.Sample("produits.csv"), Repository.Sample("magasins.csv"), Repository.Sample("ventes.csv"));
}
