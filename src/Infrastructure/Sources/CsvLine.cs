using CsvHelper;
using Sales.Domain.Parsing;
using Sales.Domain.Sheets;

namespace Sales.Infrastructure.Sources;

/// <summary>The current record of the parser, seen through the layout's column positions.</summary>
internal sealed class CsvLine(CsvParser parser, int[] positions, BoundedRecordReader reader, RowError tooLong) : ISheetLine
{
    private readonly string[] _values = new string[positions.Length];
    private string? _overlongStart;

    public long LineNumber { get; private set; }

    public IReadOnlyList<string> Values => _values;

    public ReadOnlySpan<char> Value(int index) => _values[index];

    public string RawText => _overlongStart ?? parser.RawRecord.TrimEnd('\r', '\n');

    public RowError? ReaderRefusal => _overlongStart is null ? null : tooLong;

    public bool IsBlank { get; private set; }

    public bool IsSingleField { get; private set; }

    public void Load(long lineNumber)
    {
        LineNumber = lineNumber;
        var count = parser.Count;
        IsSingleField = count == 1;
        _overlongStart = count == 1 && parser[0] == reader.Sentinel ? reader.TakeOverlongStart() : null;
        IsBlank = count == 0 || (count == 1 && parser[0].Trim().Length == 0);
        for (var i = 0; i < positions.Length; i++)
        {
            _values[i] = positions[i] < count ? parser[positions[i]] : string.Empty;
        }
    }
}
