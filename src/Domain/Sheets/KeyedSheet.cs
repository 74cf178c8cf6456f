using Sales.Domain.Parsing;

namespace Sales.Domain.Sheets;

/// <summary>
/// Reads a sheet of keyed rows (products by reference, stores by id). The same key twice with the
/// same values is one row; the same key with different values is a contradiction the client must
/// fix, so it fails the sheet rather than picking one.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TEntity">The entity type.</typeparam>
internal sealed class KeyedSheet<TKey, TEntity>
    where TKey : notnull
    where TEntity : class
{
    private readonly Dictionary<TKey, (long Line, TEntity Entity)> _rows = [];
    private readonly List<RejectedLine> _rejected = [];
    private readonly TryParse _parse;
    private readonly Func<TEntity, TKey> _key;
    private readonly string _keyColumn;

    /// <summary>Parses one line's values into an entity or the reason it is not valid.</summary>
    public delegate bool TryParse(IReadOnlyList<string> values, out TEntity entity, out RowError error);

    internal KeyedSheet(TryParse parse, Func<TEntity, TKey> key, string keyColumn)
    {
        _parse = parse;
        _key = key;
        _keyColumn = keyColumn;
    }

    /// <summary>Data lines read so far.</summary>
    public int LinesRead { get; private set; }

    /// <summary>Lines that repeat an earlier line exactly.</summary>
    public int RepeatedLines { get; private set; }

    /// <summary>The valid rows, one per key.</summary>
    public IReadOnlyCollection<TEntity> Rows => _rows.Values.Select(r => r.Entity).ToList();

    /// <summary>The lines refused, with their reason.</summary>
    public IReadOnlyList<RejectedLine> Rejected => _rejected;

    /// <summary>Takes one line.</summary>
    /// <exception cref="ConflictingRowException">The key was seen before with other values.</exception>
    public void Add(ISheetLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        LinesRead++;
        if (line.ReaderRefusal is { } refusal)
        {
            _rejected.Add(new RejectedLine(line.LineNumber, line.RawText, refusal));
            return;
        }

        if (!_parse(line.Values, out var entity, out var error))
        {
            _rejected.Add(new RejectedLine(line.LineNumber, line.RawText, error));
            return;
        }

        var key = _key(entity);
        if (_rows.TryGetValue(key, out var earlier))
        {
            if (!earlier.Entity.Equals(entity))
            {
                throw new ConflictingRowException(line.LineNumber, _keyColumn,
                    $"'{key}' is listed twice with different values (lines {earlier.Line} and {line.LineNumber}): {earlier.Entity} vs {entity}");
            }

            RepeatedLines++;
            return;
        }

        _rows.Add(key, (line.LineNumber, entity));
    }
}
