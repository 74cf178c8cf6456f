namespace Sales.Infrastructure.Sources;

/// <summary>
/// One string per distinct short value, as CsvHelper's field cache gives: a sales sheet of a million
/// lines repeats a few thousand values. Bounded, so a sheet of distinct values costs what it did.
/// </summary>
internal sealed class FieldStrings
{
    private const int MaxCachedLength = 64;
    private const int MaxCached = 1 << 16;

    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public FieldStrings() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The string of <paramref name="value"/>, the same instance each time while cached.</summary>
    public string Of(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return string.Empty;
        }

        if (value.Length > MaxCachedLength)
        {
            return value.ToString();
        }

        if (!_lookup.TryGetValue(value, out var text))
        {
            text = value.ToString();
            if (_strings.Count < MaxCached)
            {
                _strings.Add(text);
            }
        }

        return text;
    }
}
