using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Dapper;
using Npgsql;

namespace Sales.IntegrationTests.Postgres;

/// <summary>
/// A real, throw-away PostgreSQL server for the tests of one collection: <c>initdb</c> on a temporary
/// folder (as the <c>postgres</c> user when the tests run as root, which <c>initdb</c> refuses), a
/// free port on 127.0.0.1, started on first use, stopped and deleted at the end. Roles in
/// <see cref="PasswordGroup"/> must authenticate with a password (scram-sha-256); everyone else is trusted.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    /// <summary>Members of this role log in with a password; the others without.</summary>
    public const string PasswordGroup = "password_users";

    private string? _directory;
    private int _port;
    private int _databases;

    /// <summary>Where PostgreSQL's server programs are, or null when it is not installed.</summary>
    public static string? BinDirectory { get; } = FindBinDirectory();

    public int Port => _port;

    /// <summary>A new empty database, owned by <paramref name="owner"/> (default: the superuser).</summary>
    internal async Task<TestDatabase> CreateDatabaseAsync(string? owner = null)
    {
        await EnsureStartedAsync();
        var name = "sales_" + Interlocked.Increment(ref _databases).ToString(CultureInfo.InvariantCulture);
        await using var connection = await OpenAdminAsync();
        await connection.ExecuteAsync($"CREATE DATABASE {name}" + (owner is null ? string.Empty : $" OWNER {owner}"));
        return new TestDatabase(this, name);
    }

    /// <summary>Runs one statement as the superuser on <paramref name="database"/>.</summary>
    public async Task ExecuteAsync(string sql, string database = "postgres")
    {
        await EnsureStartedAsync();
        await using var connection = await OpenAdminAsync(database);
        await connection.ExecuteAsync(sql);
    }

    /// <summary>A superuser connection to <paramref name="database"/>.</summary>
    public async Task<NpgsqlConnection> OpenAdminAsync(string database = "postgres")
    {
        var connection = new NpgsqlConnection(AdminConnectionString(database));
        await connection.OpenAsync();
        return connection;
    }

    public string AdminConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = _port, Username = "postgres", Database = database, Pooling = false }.ConnectionString;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_directory is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await RunAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");
            Directory.Delete(_directory, recursive: true);
        }
    }

    private string DataDirectory => Path.Combine(_directory!, "data");

    // The tests of a collection run one at a time: no two can start the server together.
    private async Task EnsureStartedAsync()
    {
        if (_directory is null)
        {
            await StartAsync();
        }
    }

    private async Task StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("sales-pg-").FullName;
        await GiveToServerUserAsync(directory);
        _directory = directory;
        _port = FreePort();
        await RunAsync("initdb", "-D", DataDirectory, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale", "C.UTF-8");
        await File.WriteAllTextAsync(Path.Combine(DataDirectory, "pg_hba.conf"), $"""
            local all all trust
            host all +{PasswordGroup} 127.0.0.1/32 scram-sha-256
            host all all 127.0.0.1/32 trust

            """);
        await RunAsync("pg_ctl", "-D", DataDirectory, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "120",
            "-o", $"-p {_port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50", "start");
        await ExecuteAsync($"CREATE ROLE {PasswordGroup} NOLOGIN");
    }

    // initdb refuses to run as root: the server's files then belong to the postgres user.
    private static async Task GiveToServerUserAsync(string directory)
    {
        if (Environment.UserName == "root")
        {
            await RunProcessAsync("chown", "postgres", directory);
        }
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var path = Path.Combine(BinDirectory!, program);
        if (Environment.UserName == "root")
        {
            await RunProcessAsync("runuser", ["-u", "postgres", "--", path, .. arguments]);
        }
        else
        {
            await RunProcessAsync(path, arguments);
        }
    }

    private static async Task RunProcessAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = "/" };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindBinDirectory()
    {
        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        return versions
            .Select(version => Path.Combine(version, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
            .OrderByDescending(bin => bin, StringComparer.Ordinal)
            .FirstOrDefault();
    }
}
