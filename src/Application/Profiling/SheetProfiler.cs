using Sales.Domain.Limits;
using Sales.Domain.Parsing;
using Sales.Domain.Sheets;

namespace Sales.Application.Profiling;

/// <summary>
/// Profiles one sheet line by line without importing it: every column (see
/// <see cref="ColumnProfiler"/>), lines repeating an earlier line, keys listed twice with other
/// values (products, stores), and, for the sales sheet, which products and stores it names.
/// </summary>
internal sealed class SheetProfiler
{
    private const char Separator = '\u001f';

    private readonly SheetKind _kind;
    private readonly string _source;
    private readonly ColumnProfiler[] _columns;
    private readonly Dictionary<string, long> _firstLineOf = new(StringComparer.Ordinal);
    private readonly List<DuplicateLine> _duplicates = [];
    private readonly Dictionary<string, (long Line, object Entity)> _keys = new(StringComparer.Ordinal);
    private readonly List<ConflictingKey> _conflicts = [];
    private readonly Dictionary<string, ReferenceTally> _productsNamed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReferenceTally> _storesNamed = new(StringComparer.Ordinal);
    private readonly List<InvalidValue> _refusedLines = [];
    private int _lines;
    private int _duplicateCount;
    private int _refusedLineCount;

    public SheetProfiler(SheetKind kind, string source, SaleDayWindow window)
    {
        _kind = kind;
        _source = source;
        var layout = SheetLayout.For(kind);
        _columns = layout.Columns.Select(column => new ColumnProfiler(column.Header, column.Rule, window)).ToArray();
    }

    /// <summary>Product references the sales sheet names, with the lines naming them.</summary>
    public IReadOnlyDictionary<string, ReferenceTally> ProductsNamed => _productsNamed;

    /// <summary>Store ids the sales sheet names, with the lines naming them.</summary>
    public IReadOnlyDictionary<string, ReferenceTally> StoresNamed => _storesNamed;

    /// <summary>The keys (product references or store ids) of the valid lines of a keyed sheet.</summary>
    public IEnumerable<string> Keys => _keys.Keys;

    /// <summary>Valid days of the sales sheet, known after <see cref="Complete"/>.</summary>
    public IReadOnlySet<DateOnly> Days => _columns[0].Days;

    public void Add(ISheetLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        _lines++;
        if (line.ReaderRefusal is { } refusal)
        {
            _refusedLineCount++;
            if (_refusedLines.Count < ColumnProfiler.Listed)
            {
                _refusedLines.Add(new InvalidValue(line.LineNumber, line.RawText, refusal.Reason));
            }

            return;
        }

        var values = line.Values;
        for (var i = 0; i < _columns.Length; i++)
        {
            _columns[i].Add(line.LineNumber, values[i]);
        }

        CheckRepeated(line.LineNumber, values);
        CheckReferences(line.LineNumber, values);
    }

    private void CheckRepeated(long lineNumber, IReadOnlyList<string> values)
    {
        var content = string.Join(Separator, values.Select(v => v.Trim()));
        if (_firstLineOf.TryGetValue(content, out var first))
        {
            _duplicateCount++;
            if (_duplicates.Count < ColumnProfiler.Listed)
            {
                _duplicates.Add(new DuplicateLine(lineNumber, first, content.Replace(Separator, ',')));
            }
        }
        else
        {
            _firstLineOf.Add(content, lineNumber);
        }
    }

    // Keys listed twice with other values (products, stores), and the references a sales line names.
    private void CheckReferences(long lineNumber, IReadOnlyList<string> values)
    {
        switch (_kind)
        {
            case SheetKind.Products when RowParsers.TryParseProduct(values, out var product, out _):
                CheckKey(product.Reference, product, lineNumber);
                break;
            case SheetKind.Stores when RowParsers.TryParseStore(values, out var store, out _):
                CheckKey(store.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), store, lineNumber);
                break;
            case SheetKind.Sales:
                Tally(_productsNamed, values[1].Trim(), lineNumber);
                if (ValueParser.TryParseWholeNumber(values[3], out var storeId, out _))
                {
                    Tally(_storesNamed, storeId.ToString(System.Globalization.CultureInfo.InvariantCulture), lineNumber);
                }

                break;
            default:
                break;
        }
    }

    /// <summary>The sheet's profile; slashed days are read in <paramref name="forcedOrder"/> or the order the sheet shows.</summary>
    public SheetProfile Complete(DateOrder? forcedOrder)
    {
        string? note = null;
        var order = DateOrder.DayFirst;
        if (_kind == SheetKind.Sales)
        {
            var detector = new DateOrderDetector();
            foreach (var token in _columns[0].SlashedDays)
            {
                detector.Observe(token);
            }

            try
            {
                order = detector.Decide(forcedOrder) ?? DateOrder.DayFirst;
            }
            catch (DateOrderException undecided)
            {
                note = $"{undecided.Message}; this profile reads them as d/M/yyyy";
            }
        }

        var columns = _columns.Select(c => c.Complete(order)).ToList();
        return new SheetProfile(_kind, _source, _lines, columns, _duplicates, _duplicateCount, _conflicts, note)
        {
            RefusedLines = _refusedLines,
            RefusedLineCount = _refusedLineCount,
        };
    }

    private void CheckKey(string key, object entity, long lineNumber)
    {
        if (!_keys.TryGetValue(key, out var earlier))
        {
            _keys.Add(key, (lineNumber, entity));
        }
        else if (!earlier.Entity.Equals(entity))
        {
            _conflicts.Add(new ConflictingKey(key, earlier.Line, lineNumber));
        }
    }

    private static void Tally(Dictionary<string, ReferenceTally> tallies, string value, long lineNumber)
    {
        if (value.Length == 0)
        {
            return;
        }

        if (!tallies.TryGetValue(value, out var tally))
        {
            tally = new ReferenceTally();
            tallies.Add(value, tally);
        }

        tally.Add(lineNumber);
    }
}
