namespace Sales.Domain.Dedup;

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
