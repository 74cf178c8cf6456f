namespace Sales.Infrastructure.Persistence;

/// <summary>The stored identities read from the database during the merge, from a statement in key order.</summary>
internal readonly struct LiveStoredRows(RawStatement statement) : IStoredRows
{
    public ReadOnlySpan<byte> Day => statement.Utf8(0);

    public ReadOnlySpan<byte> Reference => statement.Utf8(1);

    public long StoreId => statement.Int64(2);

    public long Quantity => statement.Int64(3);

    public long Occurrence => statement.Int64(4);

    public bool Read() => statement.Read();
}
