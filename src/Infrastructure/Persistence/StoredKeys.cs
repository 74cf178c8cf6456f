namespace Sales.Infrastructure.Persistence;

/// <summary>
/// Stored sales identities read ahead, in key order, packed (<see cref="StoredKey"/>: 12 bytes a
/// row, in chunks, so that growing never copies). Only rows whose values fit are taken: a row that
/// does not (more than 65,535 distinct days or references, a quantity or occurrence above 65,535,
/// a store id beyond 32 bits) makes <see cref="TryAdd"/> refuse, and the merge then reads the
/// database itself.
/// </summary>
internal sealed class StoredKeys
{
    private const int ChunkBits = 16;
    private const int ChunkSize = 1 << ChunkBits;

    private readonly List<StoredKey[]> _chunks = [];
    private readonly List<byte[]> _days = [];
    private readonly List<byte[]> _references = [];
    private readonly Dictionary<byte[], int>.AlternateLookup<ReadOnlySpan<byte>> _referenceIndex =
        new Dictionary<byte[], int>(Utf8Comparer.Instance).GetAlternateLookup<ReadOnlySpan<byte>>();

    private int _lastReference = -1;

    public int Count { get; private set; }

    public StoredKey this[int index] => _chunks[index >> ChunkBits][index & (ChunkSize - 1)];

    public ReadOnlySpan<byte> DayText(ushort day) => _days[day];

    public ReadOnlySpan<byte> ReferenceText(ushort reference) => _references[reference];

    /// <summary>Adds the statement's current row (day, reference, store, quantity, occurrence); false when it does not fit.</summary>
    public bool TryAdd(RawStatement row)
    {
        var store = row.Int64(2);
        var quantity = row.Int64(3);
        var occurrence = row.Int64(4);
        if (store is < int.MinValue or > int.MaxValue || quantity is < 0 or > ushort.MaxValue || occurrence is < 0 or > ushort.MaxValue
            || !TryIndexDay(row.Utf8(0), out var day) || !TryIndexReference(row.Utf8(1), out var reference))
        {
            return false;
        }

        if ((Count & (ChunkSize - 1)) == 0)
        {
            _chunks.Add(new StoredKey[ChunkSize]);
        }

        _chunks[^1][Count & (ChunkSize - 1)] = new StoredKey(day, reference, (int)store, (ushort)quantity, (ushort)occurrence);
        Count++;
        return true;
    }

    /// <summary>The index of the first key on <paramref name="day"/> or after it (<see cref="Count"/> when none).</summary>
    public int IndexOfFirstFrom(ReadOnlySpan<byte> day)
    {
        // Days are indexed in key order: the first day index not before the day asked, then the first key with it.
        var dayIndex = 0;
        while (dayIndex < _days.Count && day.SequenceCompareTo(_days[dayIndex]) > 0)
        {
            dayIndex++;
        }

        int low = 0, high = Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (this[middle].Day < dayIndex)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    // Rows come in key order: a day is either the last one seen or a new one after it.
    private bool TryIndexDay(ReadOnlySpan<byte> text, out ushort index)
    {
        if (_days.Count == 0 || !text.SequenceEqual(_days[^1]))
        {
            if (_days.Count > ushort.MaxValue)
            {
                index = 0;
                return false;
            }

            _days.Add(text.ToArray());
        }

        index = (ushort)(_days.Count - 1);
        return true;
    }

    // Consecutive rows often share their reference: it is compared with the last one before any lookup.
    private bool TryIndexReference(ReadOnlySpan<byte> text, out ushort index)
    {
        if (_lastReference < 0 || !text.SequenceEqual(_references[_lastReference]))
        {
            if (!_referenceIndex.TryGetValue(text, out _lastReference))
            {
                if (_references.Count > ushort.MaxValue)
                {
                    index = 0;
                    return false;
                }

                _lastReference = _references.Count;
                var copy = text.ToArray();
                _references.Add(copy);
                _referenceIndex.Dictionary.Add(copy, _lastReference);
            }
        }

        index = (ushort)_lastReference;
        return true;
    }

    /// <summary>Byte-wise equality of UTF-8 texts, also looked up by span.</summary>
    private sealed class Utf8Comparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly Utf8Comparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => GetHashCode(obj.AsSpan());

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = new HashCode();
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }
}
