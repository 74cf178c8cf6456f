namespace Sales.Domain.Dedup;

/// <summary>A sales line reduced to integers: day number, rank of its reference, store, quantity, and its line.</summary>
/// <param name="Day">Day number of the sale's day.</param>
/// <param name="ReferenceRank">Rank of the product reference in <see cref="IdentityOrder"/>.</param>
/// <param name="StoreId">Store id.</param>
/// <param name="Quantity">Units sold.</param>
/// <param name="LineNumber">1-based line in the file.</param>
internal readonly record struct IdentityKey(int Day, int ReferenceRank, int StoreId, int Quantity, int LineNumber)
{
    /// <summary>The content alone, as one comparable number in identity order (signed values offset to sort as unsigned).</summary>
    public UInt128 Content => new(
        ((ulong)(uint)Day << 32) | (uint)ReferenceRank,
        ((ulong)((uint)StoreId ^ 0x8000_0000u) << 32) | ((uint)Quantity ^ 0x8000_0000u));
}

/// <summary>
/// Numbers the sales lines of one sheet: the n-th line with a given content gets occurrence n.
/// Numbering depends only on the sheet's content, never on line order or on what is stored, so
/// re-reading the sheet (even reordered) yields the same identities and only appended copies are
/// new. It is done by sorting instead of a dictionary of every content:
/// lines sorted by content then line number, occurrences are positions within each run.
/// </summary>
internal static class SortedOccurrenceNumbering
{
    /// <summary>
    /// Sorts the first <paramref name="count"/> lines in place into identity order and returns
    /// their occurrence numbers, index for index.
    /// </summary>
    public static int[] Number(IdentityKey[] lines, int count)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, lines.Length);
        var contents = new UInt128[count];
        for (var i = 0; i < count; i++)
        {
            contents[i] = lines[i].Content;
        }

        Array.Sort(contents, lines, 0, count);
        var occurrences = new int[count];
        var start = 0;
        while (start < count)
        {
            var end = start + 1;
            while (end < count && contents[end] == contents[start])
            {
                end++;
            }

            // Identical contents: the earliest line is occurrence 1.
            if (end - start > 1)
            {
                Array.Sort(lines, start, end - start, LineOrder.Instance);
            }

            for (var i = start; i < end; i++)
            {
                occurrences[i] = i - start + 1;
            }

            start = end;
        }

        return occurrences;
    }

    private sealed class LineOrder : IComparer<IdentityKey>
    {
        public static readonly LineOrder Instance = new();

        public int Compare(IdentityKey x, IdentityKey y) => x.LineNumber.CompareTo(y.LineNumber);
    }
}
