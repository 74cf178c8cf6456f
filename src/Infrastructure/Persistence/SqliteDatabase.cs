using System.Reflection;
using Dapper;
using FluentMigrator;
using FluentMigrator.Runner;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sales.Application.Abstractions;

namespace Sales.Infrastructure.Persistence;

/// <summary>
/// The SQLite file: opens connections with the settings every command relies on, and brings the
/// schema up to date (FluentMigrator) once per process, safely when several processes start at once.
/// </summary>
internal sealed class SqliteDatabase(IOptions<SalesOptions> options) : IDisposable
{
    private static readonly long LatestVersion = typeof(SqliteDatabase).Assembly.GetTypes()
        .Select(type => type.GetCustomAttribute<MigrationAttribute>()?.Version ?? 0)
        .Max();

    private readonly SemaphoreSlim _migrated = new(1, 1);
    private bool _isMigrated;

    public string Path => options.Value.DatabasePath;

    private string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = Path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = false,
        DefaultTimeout = 120,
    }.ToString();

    /// <summary>Opens a connection: foreign keys enforced, waits for a concurrent writer instead of failing.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 120000; PRAGMA synchronous = NORMAL;").ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Creates the database if needed and applies missing migrations.</summary>
    /// <exception cref="StoreUnavailableException">The file cannot be created or written.</exception>
    public async Task EnsureMigratedAsync(CancellationToken cancellationToken)
    {
        if (_isMigrated)
        {
            return;
        }

        await _migrated.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_isMigrated)
            {
                return;
            }

            CheckDirectory();
            try
            {
                if (await CurrentVersionAsync(cancellationToken).ConfigureAwait(false) < LatestVersion)
                {
                    using var migrationLock = await AcquireMigrationLockAsync(cancellationToken).ConfigureAwait(false);
                    Migrate();
                }
            }
            catch (SqliteException error)
            {
                throw new StoreUnavailableException($"database '{Path}' cannot be opened for writing: {error.Message}", error);
            }

            _isMigrated = true;
        }
        finally
        {
            _migrated.Release();
        }
    }

    private void CheckDirectory()
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;
        if (!Directory.Exists(directory))
        {
            throw new StoreUnavailableException($"database '{Path}': directory '{directory}' does not exist");
        }

        if (Directory.Exists(Path))
        {
            throw new StoreUnavailableException($"database '{Path}' is a directory, not a file");
        }
    }

    private async Task<long> CurrentVersionAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // WAL lets readers (reports, the sqlite3 shell) work while an import writes.
            await connection.ExecuteAsync("PRAGMA journal_mode = WAL;").ConfigureAwait(false);
            var hasVersionTable = await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'VersionInfo'").ConfigureAwait(false);
            return hasVersionTable == 0
                ? 0
                : await connection.ExecuteScalarAsync<long?>("SELECT MAX(Version) FROM VersionInfo").ConfigureAwait(false) ?? 0;
        }
    }

    // Two processes starting on a new database must not both create the schema: the first one
    // migrates while the other waits on this lock file, then finds nothing left to do.
    private async Task<FileStream> AcquireMigrationLockAsync(CancellationToken cancellationToken)
    {
        var lockPath = Path + ".migrating";
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
            catch (UnauthorizedAccessException error)
            {
                throw new StoreUnavailableException($"database '{Path}': its directory is not writable", error);
            }
        }
    }

    private void Migrate()
    {
        using var services = new ServiceCollection()
            .AddFluentMigratorCore()
            .ConfigureRunner(runner => runner
                .AddSQLite()
                .WithGlobalConnectionString(ConnectionString)
                .ScanIn(typeof(SqliteDatabase).Assembly).For.Migrations())
            .BuildServiceProvider(false);
        services.GetRequiredService<IMigrationRunner>().MigrateUp();
    }

    public void Dispose() => _migrated.Dispose();
}
