using System.Collections;

namespace Sales.Infrastructure.Persistence;

/// <summary>Positions of the sales found stored, grown as the merge goes.</summary>
internal sealed class StoredPositions
{
    private BitArray _bits = new(0);

    /// <summary>How many positions are marked.</summary>
    public int Count { get; private set; }

    public bool IsStored(int position) => position < _bits.Length && _bits[position];

    public void Mark(int position)
    {
        if (position >= _bits.Length)
        {
            _bits.Length = Math.Max(position + 1024, _bits.Length * 2);
        }

        _bits[position] = true;
        Count++;
    }
}
