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

        // In place, without a second array of keys: IdentityKey compares itself, so the sort's
        // comparisons are inlined, and identical contents come out in line order (the earliest is occurrence 1).
        TwoCoreSort.Sort(lines, count);
        var occurrences = new int[count];
        for (var i = 0; i < count; i++)
        {
            occurrences[i] = i > 0 && lines[i].HasContentOf(lines[i - 1]) ? occurrences[i - 1] + 1 : 1;
        }

        return occurrences;
    }
}
