using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Sales.Domain.Parsing;
using Sales.Domain.Sheets;
using Sales.Infrastructure.Sources;

namespace Sales.UnitTests.Sources;

/// <summary>
/// A text without quotes, split at its delimiters (<see cref="QuoteFreeLine"/>), reads as CsvHelper
/// reads it: the same lines, numbers, values, raw text, blank and too-long lines.
/// </summary>
public class QuoteFreeLineTests
{
    private static readonly RowError TooLong = new("(whole line)", "too long");

    // The layout's columns in another order than the file's, and one beyond some lines' end.
    private static readonly int[] Positions = [2, 0, 3, 1];

    [Theory]
    [InlineData("2023-05-27,REF001,2,7\n2023-05-28,REF002,3,8\n")]
    [InlineData("\uFEFF2023-05-27;REF001;2;7\r\n\r\n2023-05-28;REF002;3;8")]
    [InlineData("a,b\r1,2\r\r\n3,4\n\r5,6\r")]
    [InlineData("  ,  \n , \n\t\n,,,,,\nx\n \u00A0 \n")]
    [InlineData("é,€,\u2028,x\r\n1,2,3,4,5,6,7\r\n")]
    [InlineData("")]
    [InlineData("\n\n\n")]
    [InlineData("only one field\n<<<<<<< HEAD\n")]
    public void Lines_read_as_CsvHelper_reads_them(string text)
    {
        var delimiter = text.Contains(';', StringComparison.Ordinal) ? ';' : ',';

        Assert.Equal(ReadWithCsvHelper(text, delimiter, 256), ReadQuoteFree(text, delimiter, 256));
    }

    [Fact]
    public void Random_texts_without_quotes_read_as_CsvHelper_reads_them_lines_over_the_bound_included()
    {
        string[] pieces = ["a", "REF01", "2023-05-27", " ", "\t", ",", ",", ";", "\n", "\r", "\r\n", "é", "\u00A0", "27/5/2023", "12", "", "x"];
        var random = new Random(20261126);
        for (var sample = 0; sample < 400; sample++)
        {
            var text = new StringBuilder();
            var count = random.Next(0, 80);
            for (var i = 0; i < count; i++)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            var delimiter = sample % 3 == 0 ? ';' : ',';
            Assert.Equal(ReadWithCsvHelper(text.ToString(), delimiter, 24), ReadQuoteFree(text.ToString(), delimiter, 24));
        }
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void A_line_over_the_bound_is_refused_and_later_lines_keep_their_numbers(string lineEnd)
    {
        var text = $"2023-05-27,REF001,2,7{lineEnd}{new string('y', 300)},1,2,3{lineEnd}2023-05-28,REF002,3,8{lineEnd}";

        var lines = ReadQuoteFree(text, ',', 64);

        Assert.Equal([1L, 2L, 3L], lines.Select(l => l.Number));
        Assert.Equal(TooLong, lines[1].Refusal);
        Assert.StartsWith(new string('y', 300) + ",1,2,3", lines[1].Raw, StringComparison.Ordinal);
        Assert.Equal("3|2023-05-28|8|REF002", lines[2].Values);
    }

    [Fact]
    public void A_carriage_return_and_line_feed_coming_in_separate_reads_end_one_line()
    {
        using var reader = new BoundedRecordReader(new OneCharacterAtATime("a,b\r\nc,d\r\n\r\ne,f"), 64);
        var lines = new List<string>();
        while (reader.TryReadLine(out var line))
        {
            lines.Add(line.ToString());
        }

        Assert.Equal(["a,b", "c,d", string.Empty, "e,f"], lines);
    }

    [Fact]
    public void Values_are_the_raw_characters_between_delimiters_and_missing_columns_are_empty()
    {
        using var reader = new BoundedRecordReader(new StringReader(" 2023-05-27 , REF001 ,2\n"), 64);
        var line = new QuoteFreeLine(',', Positions, reader, TooLong);
        Assert.True(reader.TryReadLine(out var record));

        line.Load(record, 2);

        Assert.Equal("2", line.Value(0).ToString());
        Assert.Equal(" 2023-05-27 ", line.Value(1).ToString());
        Assert.True(line.Value(2).IsEmpty);
        Assert.Equal(" REF001 ", line.Value(3).ToString());
        Assert.Equal(["2", " 2023-05-27 ", string.Empty, " REF001 "], line.Values);
        Assert.Same(line.Values[0], Values(line, " 2023-05-28 , REF002 ,2")[0]);
    }

    [Fact]
    public void Sales_lines_are_read_and_parsed_without_a_string_per_line()
    {
        var text = string.Concat(Enumerable.Range(0, 100_000).Select(i => string.Create(CultureInfo.InvariantCulture, $"2023-05-{1 + (i % 28):00},REF{i % 500:0000},{1 + (i % 9)},{1 + (i % 50)}\r\n")));
        using var reader = new BoundedRecordReader(new StringReader(text), 1024);
        var line = new QuoteFreeLine(',', [0, 1, 2, 3], reader, TooLong);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        long lines = 0, units = 0;
        while (reader.TryReadLine(out var record))
        {
            line.Load(record, ++lines);
            Assert.True(RowParsers.TryParseSale(line, out var sale, out _));
            units += sale.Quantity;
        }

        // The reader's buffer (about 130 KB) and nothing per line: 400,000 field strings would be over 10 MB.
        Assert.Equal((100_000L, 499_996L), (lines, units));
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore, 0, 1024 * 1024);
    }

    private static IReadOnlyList<string> Values(QuoteFreeLine line, string record)
    {
        line.Load(record.AsMemory(), 3);
        return line.Values;
    }

    private static List<Read> ReadQuoteFree(string text, char delimiter, int bound)
    {
        using var reader = new BoundedRecordReader(new StringReader(text), bound);
        var line = new QuoteFreeLine(delimiter, Positions, reader, TooLong);
        var lines = new List<Read>();
        long number = 0;
        while (reader.TryReadLine(out var record))
        {
            line.Load(record, ++number);
            lines.Add(new Read(number, line.IsBlank, line.IsSingleField, Joined(line.Values, reader), line.RawText, line.ReaderRefusal));
        }

        return [.. lines.Where(l => !l.Blank)];
    }

    private static List<Read> ReadWithCsvHelper(string text, char delimiter, int bound)
    {
        using var reader = new BoundedRecordReader(new StringReader(text), bound);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.ToString(), HasHeaderRecord = false, IgnoreBlankLines = false, DetectColumnCountChanges = false, CacheFields = true,
        };
        using var parser = new CsvParser(reader, configuration, leaveOpen: true);
        var line = new CsvLine(parser, Positions, reader, TooLong);
        var lines = new List<Read>();
        long next = 1;
        while (parser.Read())
        {
            line.Load(next);
            next = parser.RawRow + 1;
            lines.Add(new Read(line.LineNumber, line.IsBlank, line.IsSingleField, Joined(line.Values, reader), line.RawText, line.ReaderRefusal));
        }

        return [.. lines.Where(l => !l.Blank)];
    }

    // Each reader has its own sentinel for a line over the bound.
    private static string Joined(IReadOnlyList<string> values, BoundedRecordReader reader) =>
        string.Join('|', values).Replace(reader.Sentinel, "(too long)", StringComparison.Ordinal);

    private sealed record Read(long Number, bool Blank, bool SingleField, string Values, string Raw, RowError? Refusal);

    /// <summary>Hands its text out one character per read, as a slow stream may.</summary>
    private sealed class OneCharacterAtATime(string text) : TextReader
    {
        private int _position;

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            if (_position == text.Length || buffer.IsEmpty)
            {
                return 0;
            }

            buffer[0] = text[_position++];
            return 1;
        }
    }
}
