namespace Sales.Domain.Sheets;

/// <summary>A keyed sheet lists the same key twice with different values.</summary>
internal sealed class ConflictingRowException(long lineNumber, string column, string message) : Exception(message)
{
    /// <summary>Line of the second listing.</summary>
    public long LineNumber { get; } = lineNumber;

    /// <summary>The key column.</summary>
    public string Column { get; } = column;
}
