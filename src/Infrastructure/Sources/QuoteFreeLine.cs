using Sales.Domain.Parsing;
using Sales.Domain.Sheets;

namespace Sales.Infrastructure.Sources;

/// <summary>
/// A line of a sheet whose file holds no quote character at all (<see cref="FetchedFile.ContainsQuote"/>):
/// with no quote, a CSV record is one line split at each delimiter, so the values are the characters
/// between delimiters, handed out from the reader's buffer (<see cref="Value"/>) without a string each.
/// </summary>
internal sealed class QuoteFreeLine(char delimiter, int[] positions, BoundedRecordReader reader, RowError tooLong) : ISheetLine
{
    // Where the fields up to the last one the layout reads start and end; _fields of them were found.
    private readonly int[] _starts = new int[positions.Max() + 1];
    private readonly int[] _lengths = new int[positions.Max() + 1];
    private readonly string[] _values = new string[positions.Length];
    private readonly FieldStrings _strings = new();
    private ReadOnlyMemory<char> _record;
    private int _fields;
    private bool _valuesMade;
    private string? _overlongStart;

    public long LineNumber { get; private set; }

    /// <summary>The values as strings, made on demand (the import reads <see cref="Value"/>).</summary>
    public IReadOnlyList<string> Values
    {
        get
        {
            if (!_valuesMade)
            {
                for (var i = 0; i < _values.Length; i++)
                {
                    _values[i] = _strings.Of(Value(i));
                }

                _valuesMade = true;
            }

            return _values;
        }
    }

    public string RawText => _overlongStart ?? _record.ToString();

    public RowError? ReaderRefusal => _overlongStart is null ? null : tooLong;

    public bool IsBlank { get; private set; }

    public bool IsSingleField { get; private set; }

    public ReadOnlySpan<char> Value(int index)
    {
        var field = positions[index];
        return field < _fields ? _record.Span.Slice(_starts[field], _lengths[field]) : [];
    }

    /// <summary>Takes <paramref name="record"/> (a line without its line end) as the current line.</summary>
    public void Load(ReadOnlyMemory<char> record, long lineNumber)
    {
        _record = record;
        LineNumber = lineNumber;
        _valuesMade = false;
        var text = record.Span;
        var lastField = Split(text);
        IsSingleField = _fields == 1 && lastField;
        _overlongStart = IsSingleField && text.SequenceEqual(reader.Sentinel) ? reader.TakeOverlongStart() : null;
        IsBlank = IsSingleField && text.Trim().IsEmpty;
    }

    // Finds the fields the layout reads; true when the line has no field after them.
    private bool Split(ReadOnlySpan<char> text)
    {
        var start = 0;
        for (_fields = 0; _fields < _starts.Length; _fields++)
        {
            var length = text[start..].IndexOf(delimiter);
            _starts[_fields] = start;
            _lengths[_fields] = length < 0 ? text.Length - start : length;
            if (length < 0)
            {
                _fields++;
                return true;
            }

            start += length + 1;
        }

        return false;
    }
}
