namespace Sales.Infrastructure.Persistence;

/// <summary>The stored identities read ahead (<see cref="StoredKeys"/>), from a given position on.</summary>
internal struct ReadAheadStoredRows(StoredKeys keys, int first) : IStoredRows
{
    private int _next = first;
    private StoredKey _current;

    public readonly ReadOnlySpan<byte> Day => keys.DayText(_current.Day);

    public readonly ReadOnlySpan<byte> Reference => keys.ReferenceText(_current.Reference);

    public readonly long StoreId => _current.StoreId;

    public readonly long Quantity => _current.Quantity;

    public readonly long Occurrence => _current.Occurrence;

    public bool Read()
    {
        if (_next >= keys.Count)
        {
            return false;
        }

        _current = keys[_next++];
        return true;
    }
}
