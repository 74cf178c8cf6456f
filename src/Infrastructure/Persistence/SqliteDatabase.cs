using System.Diagnostics;
using System.Reflection;
using Dapper;
using FluentMigrator;
using FluentMigrator.Runner;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sales.Application.Abstractions;
using SQLitePCL;

namespace Sales.Infrastructure.Persistence;

/// <summary>
/// The SQLite file: opens connections with the settings every command relies on, checks once per
/// process that the file is ours and usable (before anything writes to it), and brings the schema
/// up to date (FluentMigrator), safely when several processes start at once.
/// </summary>
internal sealed class SqliteDatabase(IOptions<SalesOptions> options) : IStoreSchema, IDisposable
{
    internal const int BusyTimeoutMilliseconds = 120_000;

    /// <summary>
    /// This release's migrations, the ones FluentMigrator's runner finds and applies (the PostgreSQL ones, tagged,
    /// are not among them); a database can only hold a subset of them.
    /// </summary>
    internal static readonly long[] KnownVersions = LoadKnownVersions();

    private static long LatestVersion => KnownVersions[^1];

    private readonly SemaphoreSlim _checked = new(1, 1);
    private bool _isWritable;
    private bool _isReadable;
    private bool _lockWaitReported;

    public string Path => options.Value.DatabasePath;

    private string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = Path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = false,
        DefaultTimeout = BusyTimeoutMilliseconds / 1000,
    }.ToString();

    /// <summary>Opens a connection: foreign keys enforced, waits for a concurrent writer instead of failing.</summary>
    public Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => OpenAsync(waitForLocks: true, cancellationToken);

    /// <summary>
    /// Opens a connection as <see cref="OpenAsync(CancellationToken)"/> does, but, unless <paramref name="waitForLocks"/>,
    /// one that gives up within a second when the database is locked (<see cref="WaitForLocks"/> makes it wait again).
    /// </summary>
    public async Task<SqliteConnection> OpenAsync(bool waitForLocks, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            // Microsoft.Data.Sqlite retries a busy statement for its command timeout (whole seconds, 0 is
            // forever), SQLite itself for its busy timeout.
            var busyTimeout = waitForLocks ? BusyTimeoutMilliseconds : 0;
            connection.DefaultTimeout = waitForLocks ? BusyTimeoutMilliseconds / 1000 : 1;
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync($"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {busyTimeout}; PRAGMA synchronous = NORMAL;").ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Makes a connection opened without waiting for locks wait for them as every other does.</summary>
    public static void WaitForLocks(SqliteConnection connection)
    {
        connection.DefaultTimeout = BusyTimeoutMilliseconds / 1000;
        raw.sqlite3_busy_timeout(connection.Handle, BusyTimeoutMilliseconds);
    }

    /// <summary>
    /// Starts a write transaction (<c>BEGIN IMMEDIATE</c>), waiting for another writer to finish:
    /// says once that it waits (<see cref="SalesOptions.LockWaitNotice"/>), stops when cancelled,
    /// and gives up after <see cref="SalesOptions.LockWaitLimit"/>.
    /// </summary>
    /// <exception cref="StoreUnavailableException">The database stayed locked for the whole limit.</exception>
    public async Task<SqliteTransaction> BeginWriteAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var limit = options.Value.LockWaitLimit;
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (LockProbe.TryBegin(connection, out var transaction))
            {
                _lockWaitReported = false;
                return transaction;
            }

            ReportLockWait();
            if (waited.Elapsed >= limit)
            {
                throw new StoreUnavailableException(
                    $"database '{Path}' stayed locked for {limit.TotalSeconds:0.###} s by another writer: nothing was stored; try again when it has finished");
            }

            await Task.Delay(LockProbe.RetryDelay, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// For the verbs that write: checks the file is ours, not newer than this release and writable,
    /// then creates the schema or applies missing migrations. Nothing is written to a file refused.
    /// </summary>
    /// <exception cref="StoreUnavailableException">The file cannot be used, created or written.</exception>
    public Task PrepareAsync(CancellationToken cancellationToken) => OnceAsync(writable: true, cancellationToken);

    /// <summary>
    /// For the verbs that only read (<c>report</c>): checks the file is ours and its schema this
    /// release's, and never changes it (no migration), so a read-only file can be reported on.
    /// </summary>
    /// <exception cref="StoreUnavailableException">The file is missing, foreign, older or newer than this release.</exception>
    public Task EnsureReadableAsync(CancellationToken cancellationToken) => OnceAsync(writable: false, cancellationToken);

    private async Task OnceAsync(bool writable, CancellationToken cancellationToken)
    {
        if (writable ? _isWritable : _isReadable)
        {
            return;
        }

        await _checked.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (writable && !_isWritable)
            {
                await PrepareForWritingAsync(cancellationToken).ConfigureAwait(false);
                _isWritable = _isReadable = true;
            }
            else if (!writable && !_isReadable)
            {
                CheckReadableVersion(SchemaInspection.Of(Path));
                _isReadable = true;
            }
        }
        finally
        {
            _checked.Release();
        }
    }

    private async Task PrepareForWritingAsync(CancellationToken cancellationToken)
    {
        CheckDirectory();
        var schema = SchemaInspection.Of(Path);
        CheckOurs(schema);
        try
        {
            await CheckWritableAsync(cancellationToken).ConfigureAwait(false);
            if (KnownVersions.Any(version => !schema.Applied.Contains(version)))
            {
                using var migrationLock = await AcquireMigrationLockAsync(cancellationToken).ConfigureAwait(false);
                Migrate();
            }
        }
        catch (SqliteException error)
        {
            throw new StoreUnavailableException($"database '{Path}' cannot be opened for writing: {error.Message}", error);
        }
    }

    private void CheckOurs(SchemaInspection schema)
    {
        if (schema.IsForeign)
        {
            throw new StoreUnavailableException(
                $"database '{Path}' belongs to another application (it has tables {schema.DescribeTables()} but no schema of ours): it was left untouched; choose another --db file");
        }

        if (schema.Version > LatestVersion)
        {
            throw new StoreUnavailableException(
                $"database '{Path}' has schema version {schema.Version}, newer than this release's {LatestVersion}: it was left untouched; use a newer release");
        }

        if (Array.Find(schema.Applied, version => !KnownVersions.Contains(version)) is var unknown and not 0)
        {
            throw new StoreUnavailableException(
                $"database '{Path}' holds schema version {unknown}, which this release does not have: it belongs to another application or build and was left untouched");
        }
    }

    private void CheckReadableVersion(SchemaInspection schema)
    {
        CheckOurs(schema);
        if (schema.Version == 0)
        {
            throw new StoreUnavailableException($"database '{Path}' is empty: run 'import' and 'analyze' (or 'run') first");
        }

        if (schema.Version < LatestVersion)
        {
            throw new StoreUnavailableException(
                $"database '{Path}' has schema version {schema.Version}, older than this release's {LatestVersion}: run 'import' or 'analyze' once to upgrade it ('report' never changes the database)");
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

    // SQLite opens a file it may not write read-only without a word and fails at the first write,
    // which would come after every download: asked here instead, before anything is fetched.
    private async Task CheckWritableAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            if (raw.sqlite3_db_readonly(connection.Handle, "main") == 1)
            {
                throw new StoreUnavailableException(
                    $"database '{Path}' is read-only (file permissions): nothing can be imported or analyzed into it; 'report' still reads it");
            }

            // WAL lets readers (reports, the sqlite3 shell) work while an import writes.
            await connection.ExecuteAsync("PRAGMA journal_mode = WAL;").ConfigureAwait(false);
        }
    }

    private void ReportLockWait()
    {
        if (!_lockWaitReported)
        {
            _lockWaitReported = true;
            options.Value.LockWaitNotice?.Invoke(
                $"waiting for the database lock on '{Path}', held by another import or analysis (at most {options.Value.LockWaitLimit.TotalSeconds:0.###} s; Ctrl+C stops)...");
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
        using var services = MigrationServices(ConnectionString);
        services.GetRequiredService<IMigrationRunner>().MigrateUp();
    }

    /// <summary>
    /// The migrations FluentMigrator's runner finds here, by its rule (an <see cref="IMigration"/> with a
    /// <see cref="MigrationAttribute"/>, untagged as no tag is asked for), read from the attributes: asking the
    /// runner's loader built a container and loaded the runner's assemblies at every start. A test checks both agree.
    /// </summary>
    internal static IEnumerable<Type> MigrationTypes() => typeof(SqliteDatabase).Assembly.GetTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IMigration).IsAssignableFrom(type))
        .Where(type => type.IsDefined(typeof(MigrationAttribute), inherit: true) && !type.IsDefined(typeof(TagsAttribute), inherit: true));

    // In ascending order.
    private static long[] LoadKnownVersions() =>
        [.. MigrationTypes().Select(type => type.GetCustomAttribute<MigrationAttribute>(inherit: true)!.Version).Order()];

    private static ServiceProvider MigrationServices(string connectionString) => new ServiceCollection()
        .AddFluentMigratorCore()
        .ConfigureRunner(runner => runner
            .AddSQLite()
            .WithGlobalConnectionString(connectionString)
            .ScanIn(typeof(SqliteDatabase).Assembly).For.Migrations())
        .BuildServiceProvider(false);

    public void Dispose() => _checked.Dispose();
}
