using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Sales.Application.Abstractions;
using Sales.Domain.Parsing;
using Sales.Domain.Sheets;

namespace Sales.Infrastructure.Sources;

/// <summary>
/// A fetched CSV sheet: encoding (UTF-8 with or without BOM, else Windows-1252; see <see cref="Utf8Evidence"/>) and delimiter
/// (<c>,</c>, <c>;</c> or tab, from the header line) are detected, the header is mapped onto the
/// sheet's layout, and every pass re-reads the local file. No line longer than the bound is held
/// whole (see <see cref="BoundedRecordReader"/>): it is refused as a line.
/// </summary>
internal sealed class CsvSheet : IOpenedSheet
{
    private const string Replacement = "\uFFFD";

    private const string InvalidUtf8Reason =
        "invalid UTF-8 byte in this line (the rest of the file is UTF-8): fix the line or save the file as UTF-8 again";

    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private readonly FetchedFile _file;
    private readonly Encoding _encoding;
    private readonly char _delimiter;
    private readonly int[] _positions;
    private readonly int _maxLineLength;
    private readonly long _headerLines;

    private CsvSheet(SheetKind kind, string location, FetchedFile file, Encoding encoding, char delimiter, int[] positions, int maxLineLength, long headerLines)
    {
        _maxLineLength = maxLineLength;
        _headerLines = headerLines;
        Kind = kind;
        Location = location;
        _file = file;
        _encoding = encoding;
        _delimiter = delimiter;
        _positions = positions;
    }

    public SheetKind Kind { get; }

    public string Location { get; }

    public string ContentHash => _file.ContentHash;

    public SourceVersion Version => new(_file.ETag, _file.LastModified, _file.ContentHash);

    public static CsvSheet Open(SheetKind kind, string location, FetchedFile file, int maxLineLength)
    {
        var encoding = file.IsUtf8 ? new UTF8Encoding(false) : Windows1252;
        CheckIsText(location, file.Path, encoding);
        var delimiter = DetectDelimiter(CheckFirstLine(location, file, encoding, maxLineLength));
        using var parser = CreateParser(file.Path, encoding, delimiter, maxLineLength, out _);
        var layout = SheetLayout.For(kind);
        if (!layout.TryMap(ReadHeader(location, parser), out var positions, out var reason))
        {
            throw new SheetSourceException(location, $"not a {kind.ToString().ToLowerInvariant()} sheet: {reason}", lineNumber: 1);
        }

        return new CsvSheet(kind, location, file, encoding, delimiter, positions, maxLineLength, parser.RawRow);
    }

    /// <summary>
    /// The data lines. A sales sheet without any quote character is split at its delimiters directly
    /// (<see cref="QuoteFreeLine"/>, decision 0043); any other sheet is parsed by CsvHelper.
    /// </summary>
    public IEnumerable<ISheetLine> ReadLines() =>
        Kind == SheetKind.Sales && !_file.ContainsQuote ? ReadQuoteFreeLines() : ReadCsvLines();

    private IEnumerable<ISheetLine> ReadQuoteFreeLines()
    {
        using var reader = Bounded(_file.Path, _encoding, _maxLineLength);
        var line = new QuoteFreeLine(_delimiter, _positions, reader, new RowError(LineColumn, TooLong(_maxLineLength)));
        long lineNumber = 0;
        while (reader.TryReadLine(out var record))
        {
            // The header was checked by Open.
            if (++lineNumber <= _headerLines)
            {
                continue;
            }

            line.Load(record, lineNumber);
            if (line.IsBlank)
            {
                continue;
            }

            CheckLine(line, line.IsSingleField);
            yield return line;
        }
    }

    private IEnumerable<ISheetLine> ReadCsvLines()
    {
        using var parser = CreateParser(_file.Path, _encoding, _delimiter, _maxLineLength, out var reader);
        parser.Read(); // the header, checked by Open
        var line = new CsvLine(parser, _positions, reader, new RowError(LineColumn, TooLong(_maxLineLength)));
        long nextLine = parser.RawRow + 1;
        while (true)
        {
            // CsvHelper reports bad data while reading a record or, lazily, while reading its fields.
            try
            {
                if (!parser.Read())
                {
                    yield break;
                }

                line.Load(nextLine);
            }
            catch (CsvHelperException error)
            {
                throw new SheetSourceException(Location, "malformed CSV (an unbalanced quote?): " + FirstLine(error.Message), nextLine, inner: error);
            }

            nextLine = parser.RawRow + 1;
            if (line.IsBlank)
            {
                continue;
            }

            CheckLine(line, line.IsSingleField);

            yield return line;
        }
    }

    public void Dispose() => _file.Dispose();

    // Both checks cost nothing on a valid line: a marker is a one-field line, and a replacement
    // character is only looked for in a file known to hold invalid UTF-8.
    private void CheckLine(ISheetLine line, bool isSingleField)
    {
        if (isSingleField && ContentSniffer.IsMergeConflictMarker(line.RawText))
        {
            throw new SheetSourceException(Location, ContentSniffer.MergeConflictReason(line.RawText), line.LineNumber);
        }

        if (_file.InvalidUtf8Bytes > 0 && _encoding is UTF8Encoding && line.RawText.Contains(Replacement, StringComparison.Ordinal))
        {
            throw new SheetSourceException(Location, InvalidUtf8Reason, line.LineNumber);
        }
    }

    /// <summary>The column named by the refusal of a line too long to be read.</summary>
    public const string LineColumn = "(whole line)";

    /// <summary>Why a line over <paramref name="maxLineLength"/> characters is refused.</summary>
    public static string TooLong(int maxLineLength) =>
        string.Create(CultureInfo.InvariantCulture, $"longer than {maxLineLength:N0} characters, the bound set by Sales:MaxLineLength: skipped without being read whole");

    private static CsvParser CreateParser(string path, Encoding encoding, char delimiter, int maxLineLength, out BoundedRecordReader reader)
    {
        reader = Bounded(path, encoding, maxLineLength);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.ToString(),
            HasHeaderRecord = false,
            IgnoreBlankLines = false,
            BadDataFound = context => throw new BadDataException(context.Field, context.RawRecord, context.Context, $"a quote is misplaced in field '{context.Field}'"),
            DetectColumnCountChanges = false,

            // A sales sheet repeats few distinct values (days, references, stores): one string each.
            CacheFields = true,
        };
        return new CsvParser(reader, configuration, leaveOpen: false);
    }

    // The first line that is not blank: neither too long, nor markup, nor with an invalid UTF-8 byte.
    private static string CheckFirstLine(string location, FetchedFile file, Encoding encoding, int maxLineLength)
    {
        var (firstLine, firstLineNumber) = ReadFirstLine(file.Path, encoding, maxLineLength, out var sentinel);
        if (firstLine is null)
        {
            throw new SheetSourceException(location, "the file is empty: expected a header line");
        }

        if (firstLine == sentinel)
        {
            throw new SheetSourceException(location, $"the header is {TooLong(maxLineLength)}", firstLineNumber);
        }

        if (ContentSniffer.MarkupReason(firstLine) is { } markup)
        {
            throw new SheetSourceException(location, markup);
        }

        if (file.InvalidUtf8Bytes > 0 && firstLine.Contains(Replacement, StringComparison.Ordinal))
        {
            throw new SheetSourceException(location, InvalidUtf8Reason, lineNumber: 1);
        }

        return firstLine;
    }

    private static string[] ReadHeader(string location, CsvParser parser)
    {
        if (!parser.Read())
        {
            throw new SheetSourceException(location, "the file is empty: expected a header line");
        }

        try
        {
            return parser.Record ?? [];
        }
        catch (CsvHelperException error)
        {
            throw new SheetSourceException(location, "malformed CSV header (an unbalanced quote?): " + FirstLine(error.Message), lineNumber: 1, inner: error);
        }
    }

    // Compressed, binary or conflicted content is named as such, from the first block, before any
    // CSV error could misname it; the merge markers further down are found line by line (ReadLines).
    private static void CheckIsText(string location, string path, Encoding encoding)
    {
        var head = new byte[ContentSniffer.BlockSize];
        int length;
        using (var stream = File.OpenRead(path))
        {
            length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        if (ContentSniffer.NotCsvReason(head.AsSpan(0, length)) is { } reason)
        {
            throw new SheetSourceException(location, reason);
        }

        using var reader = new StreamReader(new MemoryStream(head, 0, length), encoding, detectEncodingFromByteOrderMarks: true);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (ContentSniffer.IsMergeConflictMarker(line))
            {
                throw new SheetSourceException(location, ContentSniffer.MergeConflictReason(line), lineNumber);
            }
        }
    }

    private static BoundedRecordReader Bounded(string path, Encoding encoding, int maxLineLength) =>
        new(new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 }), maxLineLength);

    // The first line that is not blank, and its number; the reader's sentinel when it is too long.
    private static (string? Line, long Number) ReadFirstLine(string path, Encoding encoding, int maxLineLength, out string sentinel)
    {
        using var reader = Bounded(path, encoding, maxLineLength);
        sentinel = reader.Sentinel;
        string? line;
        long number = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            number++;
            if (line.Trim().Length > 0)
            {
                return (line, number);
            }
        }

        return (null, number);
    }

    // The delimiter the header uses most, outside quotes; a comma when it uses none.
    private static char DetectDelimiter(string header)
    {
        char[] candidates = [',', ';', '\t'];
        var counts = new int[candidates.Length];
        var quoted = false;
        foreach (var c in header)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                var index = Array.IndexOf(candidates, c);
                if (index >= 0)
                {
                    counts[index]++;
                }
            }
        }

        var best = 0;
        for (var i = 1; i < candidates.Length; i++)
        {
            if (counts[i] > counts[best])
            {
                best = i;
            }
        }

        return candidates[best];
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
