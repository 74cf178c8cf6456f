using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Sales.Infrastructure.Persistence;

/// <summary>
/// One short attempt at SQLite's write lock. Microsoft.Data.Sqlite retries a busy
/// <c>BEGIN IMMEDIATE</c> for its whole command timeout (whole seconds), silently and deaf to
/// cancellation; probing through the C API with a short busy timeout answers within
/// <see cref="ProbeMilliseconds"/>, so the caller can say it waits and stop on Ctrl+C.
/// </summary>
internal static class LockProbe
{
    public const int ProbeMilliseconds = 100;

    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(50);

    /// <summary>Begins <c>BEGIN IMMEDIATE</c> if the write lock is free (or frees within the probe); false when another writer holds it.</summary>
    public static bool TryBegin(SqliteConnection connection, [NotNullWhen(true)] out SqliteTransaction? transaction)
    {
        var handle = connection.Handle!;
        var timeout = connection.DefaultTimeout;
        raw.sqlite3_busy_timeout(handle, ProbeMilliseconds);
        try
        {
            if (!IsFree(handle))
            {
                transaction = null;
                return false;
            }

            // Free an instant ago: the real transaction, which another writer can only take in
            // between by a rare race, and then costs one second of Microsoft.Data.Sqlite's retries.
            connection.DefaultTimeout = 1;
            transaction = connection.BeginTransaction(deferred: false);
            return true;
        }
        catch (SqliteException busy) when (busy.SqliteErrorCode == raw.SQLITE_BUSY)
        {
            transaction = null;
            return false;
        }
        finally
        {
            connection.DefaultTimeout = timeout;
            raw.sqlite3_busy_timeout(handle, SqliteDatabase.BusyTimeoutMilliseconds);
        }
    }

    private static bool IsFree(sqlite3 handle)
    {
        // The low byte is the primary result code, whether or not extended codes are on.
        var result = raw.sqlite3_exec(handle, "BEGIN IMMEDIATE");
        if ((result & 0xFF) == raw.SQLITE_BUSY)
        {
            return false;
        }

        SqliteException.ThrowExceptionForRC(result, handle);
        SqliteException.ThrowExceptionForRC(raw.sqlite3_exec(handle, "ROLLBACK"), handle);
        return true;
    }
}
