using System.Runtime.InteropServices;
using SQLitePCL;

namespace Sales.Infrastructure.Persistence;

/// <summary>
/// The few SQLite C functions called once or more per sales line, called straight into the native
/// library that Microsoft.Data.Sqlite's provider loaded: SQLitePCLRaw's API passes each statement as
/// a <see cref="SafeHandle"/> (reference counted at every call) through an interface, which the
/// profile showed as a third of the time spent reading the stored keys (decision 0046). Only when
/// that library is <c>e_sqlite3</c> and exports every function; otherwise <see cref="Available"/> is
/// false and <see cref="RawStatement"/> goes through SQLitePCLRaw.
/// </summary>
internal static unsafe class SqliteNative
{
    private const string Library = "e_sqlite3";

    // Null function pointers when the library is not the one expected (see Available).
    private static readonly delegate* unmanaged<nint, int> StepFunction;
    private static readonly delegate* unmanaged<nint, int> ResetFunction;
    private static readonly delegate* unmanaged[SuppressGCTransition]<nint, int, long> ColumnInt64Function;
    private static readonly delegate* unmanaged[SuppressGCTransition]<nint, int, byte*> ColumnBlobFunction;
    private static readonly delegate* unmanaged[SuppressGCTransition]<nint, int, int> ColumnBytesFunction;
    private static readonly delegate* unmanaged[SuppressGCTransition]<nint, int, long, int> BindInt64Function;
    private static readonly delegate* unmanaged[SuppressGCTransition]<nint, int, byte*, int, nint, int> BindTextFunction;

#pragma warning disable CA1810 // The exports are looked up together, and only when the library is the one expected.
    static SqliteNative()
#pragma warning restore CA1810
    {
        if (raw.GetNativeLibraryName() != Library
            || !NativeLibrary.TryLoad(Library, typeof(SQLite3Provider_e_sqlite3).Assembly, null, out var library))
        {
            return;
        }

        // Short calls that neither block nor call back skip the GC transition; step and reset may do I/O.
        if (NativeLibrary.TryGetExport(library, "sqlite3_step", out var step)
            && NativeLibrary.TryGetExport(library, "sqlite3_reset", out var reset)
            && NativeLibrary.TryGetExport(library, "sqlite3_column_int64", out var columnInt64)
            && NativeLibrary.TryGetExport(library, "sqlite3_column_blob", out var columnBlob)
            && NativeLibrary.TryGetExport(library, "sqlite3_column_bytes", out var columnBytes)
            && NativeLibrary.TryGetExport(library, "sqlite3_bind_int64", out var bindInt64)
            && NativeLibrary.TryGetExport(library, "sqlite3_bind_text", out var bindText))
        {
            StepFunction = (delegate* unmanaged<nint, int>)step;
            ResetFunction = (delegate* unmanaged<nint, int>)reset;
            ColumnInt64Function = (delegate* unmanaged[SuppressGCTransition]<nint, int, long>)columnInt64;
            ColumnBlobFunction = (delegate* unmanaged[SuppressGCTransition]<nint, int, byte*>)columnBlob;
            ColumnBytesFunction = (delegate* unmanaged[SuppressGCTransition]<nint, int, int>)columnBytes;
            BindInt64Function = (delegate* unmanaged[SuppressGCTransition]<nint, int, long, int>)bindInt64;
            BindTextFunction = (delegate* unmanaged[SuppressGCTransition]<nint, int, byte*, int, nint, int>)bindText;
            Available = true;
        }
    }

    /// <summary>Whether the functions below may be called (else go through SQLitePCLRaw).</summary>
    public static bool Available { get; }

    public static int Step(nint statement) => StepFunction(statement);

    public static int Reset(nint statement) => ResetFunction(statement);

    public static long ColumnInt64(nint statement, int column) => ColumnInt64Function(statement, column);

    /// <summary>A text or blob column's bytes, valid until the next step.</summary>
    public static ReadOnlySpan<byte> ColumnBytes(nint statement, int column)
    {
        // The pointer first, then its length: SQLite's documented order.
        var bytes = ColumnBlobFunction(statement, column);
        var length = ColumnBytesFunction(statement, column);
        return bytes is null ? [] : new ReadOnlySpan<byte>(bytes, length);
    }

    public static int BindInt64(nint statement, int position, long value) => BindInt64Function(statement, position, value);

    public static int BindText(nint statement, int position, ReadOnlySpan<byte> utf8)
    {
        // SQLITE_TRANSIENT (-1): SQLite copies the text before the call returns. An empty text is
        // given a pointer all the same: a null one would bind NULL.
        byte empty = 0;
        fixed (byte* text = utf8)
        {
            return BindTextFunction(statement, position, utf8.IsEmpty ? &empty : text, utf8.Length, -1);
        }
    }
}
