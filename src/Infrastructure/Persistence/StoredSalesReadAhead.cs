using Dapper;
using Microsoft.Data.Sqlite;
using Sales.Application.Abstractions;

namespace Sales.Infrastructure.Persistence;

/// <summary>
/// Reads every stored sales identity, in key order, on a thread of its own while the sheets are
/// parsed (decision 0046), on the connection the import's session will then use. The read is one
/// read transaction, which also notes SQLite's <c>data_version</c>: once the session holds the write
/// lock, the same number on the same connection proves that no other connection wrote in between,
/// so the keys are exactly what the transaction sees; any other number, and the session reads them
/// again. It gives up (and the session reads as before) past <see cref="MaxRows"/> rows, on a value
/// that does not pack (<see cref="StoredKeys"/>), or on any database error, which the session will
/// then meet and report itself.
/// </summary>
internal sealed class StoredSalesReadAhead : IStoredSalesReadAhead
{
    /// <summary>At 12 bytes a row, 192 MB: beyond, the keys are read during the merge, from the sheet's first day only.</summary>
    internal const int MaxRows = 16 << 20;

    private const string AllStored = """
        SELECT sale_date, product_reference, store_id, quantity, occurrence FROM sales
        ORDER BY sale_date, product_reference, store_id, quantity, occurrence
        """;

    private readonly CancellationTokenSource _stop;
    private readonly Task _reading;

    // Set by the reading thread before _reading completes; cleared once taken, so that the keys do not outlive the merge.
    private Outcome _outcome;
    private bool _taken;

    private StoredSalesReadAhead(SqliteDatabase database, int maxRows, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var stop = _stop.Token;
        _reading = Task.Factory.StartNew(() => _outcome = Read(database, maxRows, stop), stop, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>What was read: the connection (null if it could not be opened) and the keys with their data version (null if given up).</summary>
    internal readonly record struct Outcome(SqliteConnection? Connection, StoredKeys? Keys, long DataVersion);

    /// <summary>Ends when the reading has (for tests, which write in between).</summary>
    internal Task Reading => _reading;

    public static StoredSalesReadAhead Start(SqliteDatabase database, CancellationToken cancellationToken, int maxRows = MaxRows) =>
        new(database, maxRows, cancellationToken);

    /// <summary>Waits for the reading to end and hands its connection and keys to the caller, who then owns the connection.</summary>
    public async Task<Outcome> TakeAsync()
    {
        await _reading.ConfigureAwait(false);
        var outcome = _outcome;
        _outcome = default;
        _taken = true;
        return outcome;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_taken)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await _reading.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            if (_outcome.Connection is { } connection)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }

        _stop.Dispose();
    }

    private static Outcome Read(SqliteDatabase database, int maxRows, CancellationToken stop)
    {
        SqliteConnection? connection = null;
        try
        {
            // Synchronous on this thread of its own (Microsoft.Data.Sqlite opens synchronously anyway).
            // A database that readers must wait for is left to the session, which waits for it as
            // every import does: the reading gives up within a second instead of waiting here.
            connection = database.OpenAsync(waitForLocks: false, stop).GetAwaiter().GetResult();
            using var transaction = connection.BeginTransaction(deferred: true);
            var keys = ReadKeys(connection, maxRows, stop);
            var version = connection.ExecuteScalar<long>("PRAGMA data_version", transaction: transaction);
            transaction.Commit();
            SqliteDatabase.WaitForLocks(connection);
            return new Outcome(connection, keys, version);
        }
        catch (OperationCanceledException)
        {
            connection?.Dispose();
            throw;
        }
#pragma warning disable CA1031 // Reading ahead is a hint: on any failure the session reads the keys itself, and reports what fails then.
        catch (Exception)
#pragma warning restore CA1031
        {
            connection?.Dispose();
            return default;
        }
    }

    private static StoredKeys? ReadKeys(SqliteConnection connection, int maxRows, CancellationToken stop)
    {
        var keys = new StoredKeys();
        using var rows = new RawStatement(connection, AllStored);
        while (rows.Read())
        {
            if (keys.Count == maxRows || !keys.TryAdd(rows))
            {
                return null;
            }

            if ((keys.Count & 0xFFFF) == 0)
            {
                stop.ThrowIfCancellationRequested();
            }
        }

        return keys;
    }
}
