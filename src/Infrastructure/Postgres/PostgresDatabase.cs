using Dapper;
using FluentMigrator.Runner;
using FluentMigrator.Runner.Initialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Sales.Application.Abstractions;

namespace Sales.Infrastructure.Postgres;

/// <summary>
/// The PostgreSQL database: opens connections, and brings the schema up to date (FluentMigrator,
/// the migrations tagged <see cref="MigrationTag"/>) once per process, under a session advisory lock
/// so that several processes starting at once migrate one after the other.
/// </summary>
internal sealed class PostgresDatabase : IStoreSchema, IDisposable, IAsyncDisposable
{
    /// <summary>The tag of the PostgreSQL migrations: the SQLite runner, which asks for no tag, never runs them.</summary>
    public const string MigrationTag = "Postgres";

    // Advisory lock keys of this application (any bigint; held per database): migrating, importing.
    public const long MigrationLockKey = 0x5341_4C45_535F_4D49;
    public const long ImportLockKey = 0x5341_4C45_535F_494D;

    // The latest of this release's PostgreSQL migrations, as FluentMigrator's runner finds them.
    private static readonly long LatestVersion = LoadLatestVersion();

    private readonly Lazy<PostgresLocation> _location;
    private readonly Lazy<NpgsqlDataSource> _dataSource;
    private readonly SemaphoreSlim _migrated = new(1, 1);
    private bool _isMigrated;

    public PostgresDatabase(IOptions<SalesOptions> options)
    {
        _location = new(() => PostgresLocation.Parse(options.Value.DatabasePath));
        _dataSource = new(() => NpgsqlDataSource.Create(_location.Value.ConnectionString));
    }

    /// <summary>The database's URI as it may be shown: its password replaced by <c>***</c>.</summary>
    public string Display => _location.Value.Display;

    /// <summary>Opens a connection.</summary>
    /// <exception cref="StoreUnavailableException">The server cannot be reached or refuses the connection.</exception>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _dataSource.Value.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException error)
        {
            throw new StoreUnavailableException($"database '{Display}' cannot be opened: {Reason(error)}", error);
        }
    }

    /// <summary>True when the schema was created (by any version of this application).</summary>
    public static async Task<bool> HasSchemaAsync(NpgsqlConnection connection) =>
        await connection.ExecuteScalarAsync<bool>("SELECT to_regclass('\"VersionInfo\"') IS NOT NULL").ConfigureAwait(false);

    /// <summary>Creates the schema if needed and applies missing migrations.</summary>
    /// <exception cref="StoreUnavailableException">The database cannot be reached or written.</exception>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (_isMigrated)
        {
            return;
        }

        await _migrated.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_isMigrated)
            {
                await MigrateUnderLockAsync(cancellationToken).ConfigureAwait(false);
                _isMigrated = true;
            }
        }
        finally
        {
            _migrated.Release();
        }
    }

    private async Task MigrateUnderLockAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                if (await CurrentVersionAsync(connection).ConfigureAwait(false) >= LatestVersion)
                {
                    return;
                }

                // A second process waits here, then finds nothing left to do (the runner re-reads the versions).
                await connection.ExecuteAsync("SELECT pg_advisory_lock(@key)", new { key = MigrationLockKey }).ConfigureAwait(false);
                try
                {
                    Migrate();
                }
                finally
                {
                    await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = MigrationLockKey }).ConfigureAwait(false);
                }
            }
            catch (Exception error) when (Cause(error) is { } cause)
            {
                // FluentMigrator wraps the server's refusal (e.g. no right to create tables) with the SQL, on several lines.
                throw new StoreUnavailableException($"database '{Display}' cannot be prepared for writing: {Reason(cause)}", error);
            }
        }
    }

    private static NpgsqlException? Cause(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            if (error is NpgsqlException npgsql)
            {
                return npgsql;
            }
        }

        return null;
    }

    private static async Task<long> CurrentVersionAsync(NpgsqlConnection connection) =>
        await HasSchemaAsync(connection).ConfigureAwait(false)
            ? await connection.ExecuteScalarAsync<long?>("SELECT MAX(\"Version\") FROM \"VersionInfo\"").ConfigureAwait(false) ?? 0
            : 0;

    private void Migrate()
    {
        using var services = MigrationServices(_location.Value.ConnectionString);
        services.GetRequiredService<IMigrationRunner>().MigrateUp();
    }

    // Listing the migrations opens no database.
    private static long LoadLatestVersion()
    {
        using var services = MigrationServices("Host=localhost");
        return services.GetRequiredService<IMigrationInformationLoader>().LoadMigrations().Keys.Max();
    }

    private static ServiceProvider MigrationServices(string connectionString) => new ServiceCollection()
        .AddFluentMigratorCore()
        .ConfigureRunner(runner => runner
            .AddPostgres()
            .WithGlobalConnectionString(connectionString)
            .ScanIn(typeof(PostgresDatabase).Assembly).For.Migrations())
        .Configure<RunnerOptions>(runner =>
        {
            runner.Tags = [MigrationTag];
            runner.IncludeUntaggedMigrations = false;
        })
        .BuildServiceProvider(false);

    // Npgsql's own message, without the exception's type: "28P01: password authentication failed for user ...".
    private static string Reason(NpgsqlException error) =>
        error is PostgresException server ? $"{server.SqlState}: {server.MessageText}" : error.InnerException?.Message ?? error.Message;

    public void Dispose()
    {
        if (_dataSource.IsValueCreated)
        {
            _dataSource.Value.Dispose();
        }

        _migrated.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource.IsValueCreated)
        {
            await _dataSource.Value.DisposeAsync().ConfigureAwait(false);
        }

        _migrated.Dispose();
    }
}
