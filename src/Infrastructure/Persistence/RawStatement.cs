using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Sales.Infrastructure.Persistence;

/// <summary>
/// A prepared statement driven through SQLite's C API on an open Microsoft.Data.Sqlite connection,
/// for the per-line statements of a sales import: values are bound by position (still parameters,
/// never text built into the SQL), without the per-row parameter lookup and boxing of
/// <see cref="SqliteCommand"/>, which the profile showed as most of our own time per inserted line.
/// It runs inside whatever transaction the connection has open.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;

    // The native handle, for SqliteNative's direct calls (the statement lives as long as this object).
    private readonly nint _handle;

    public RawStatement(SqliteConnection connection, string sql)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(raw.sqlite3_prepare_v2(_database, sql, out _statement));
        _handle = _statement.DangerousGetHandle();
    }

    public void Bind(int position, long value) =>
        Check(SqliteNative.Available ? SqliteNative.BindInt64(_handle, position, value) : raw.sqlite3_bind_int64(_statement, position, value));

    public void Bind(int position, ReadOnlySpan<byte> utf8Text) =>
        Check(SqliteNative.Available ? SqliteNative.BindText(_handle, position, utf8Text) : raw.sqlite3_bind_text(_statement, position, utf8Text));

    /// <summary>Runs the statement to completion and readies it for the next values; returns the rows it changed.</summary>
    public int Execute()
    {
        var result = Step();
        Reset();
        if (result != raw.SQLITE_DONE)
        {
            Check(result);
        }

        return raw.sqlite3_changes(_database);
    }

    /// <summary>Runs the statement and readies it for the next values; true when it gave a row.</summary>
    public bool HasRow()
    {
        var result = Step();
        Reset();
        if (result is not raw.SQLITE_ROW and not raw.SQLITE_DONE)
        {
            Check(result);
        }

        return result == raw.SQLITE_ROW;
    }

    /// <summary>Steps to the next row; false when there is none.</summary>
    public bool Read()
    {
        var result = Step();
        if (result == raw.SQLITE_ROW)
        {
            return true;
        }

        if (result != raw.SQLITE_DONE)
        {
            Check(result);
        }

        return false;
    }

    public long Int64(int column) => SqliteNative.Available ? SqliteNative.ColumnInt64(_handle, column) : raw.sqlite3_column_int64(_statement, column);

    /// <summary>The UTF-8 bytes of a text column, valid until the next step.</summary>
    public ReadOnlySpan<byte> Utf8(int column) => SqliteNative.Available ? SqliteNative.ColumnBytes(_handle, column) : raw.sqlite3_column_blob(_statement, column);

    public void Dispose() => _statement.Dispose();

    private int Step() => SqliteNative.Available ? SqliteNative.Step(_handle) : raw.sqlite3_step(_statement);

    private void Reset()
    {
        if (SqliteNative.Available)
        {
            SqliteNative.Reset(_handle);
        }
        else
        {
            raw.sqlite3_reset(_statement);
        }
    }

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, _database);
        }
    }
}
