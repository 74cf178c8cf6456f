using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Sales.Infrastructure.Sources;

namespace Sales.UnitTests.Sources;

public class BoundedRecordReaderTests
{
    [Theory]
    [InlineData("a,b\n1,2\n")]
    [InlineData("a,b\r\n1,2\r\n3,4")]
    [InlineData("a,b\r1,2\r")]
    [InlineData("a,\"b\nc\"\n\"x\"\"y\",2\n")]
    [InlineData("")]
    public void Records_within_the_bound_pass_through_unchanged(string text)
    {
        using var reader = new BoundedRecordReader(new StringReader(text), 256);

        Assert.Equal(text, reader.ReadToEnd());
    }

    [Fact]
    public void Text_much_longer_than_the_buffer_passes_through_unchanged_read_in_small_pieces()
    {
        var text = string.Concat(Enumerable.Range(0, 50_000).Select(i => string.Create(CultureInfo.InvariantCulture, $"2023-05-27,\"R\n{i}\",{i % 100},1\r\n")));
        using var reader = new BoundedRecordReader(new StringReader(text), 256);
        var copy = new System.Text.StringBuilder();
        var piece = new char[7];
        int read;
        while ((read = reader.Read(piece, 0, piece.Length)) > 0)
        {
            copy.Append(piece, 0, read);
        }

        Assert.Equal(text, copy.ToString());
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void A_record_over_the_bound_becomes_the_sentinel_and_later_lines_keep_their_numbers(string lineEnd)
    {
        var text = $"h1,h2{lineEnd}1,2{lineEnd}x,\"{new string('y', 1000)}{lineEnd}{new string('z', 300)}\"{lineEnd}3,4{lineEnd}";
        using var reader = new BoundedRecordReader(new StringReader(text), 256);

        var records = Parse(reader);

        Assert.Equal(["h1|h2", "1|2", reader.Sentinel, string.Empty, "3|4"], records.Select(r => r.Values).ToArray());
        Assert.Equal(5, records[^1].Line);
        var start = reader.TakeOverlongStart();
        Assert.StartsWith("x,\"yyy", start, StringComparison.Ordinal);
        Assert.EndsWith(" more characters)", start, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void The_start_of_a_record_over_a_bound_below_the_message_bound_is_that_record_only(string lineEnd)
    {
        var overlong = "x," + new string('y', 400);
        using var reader = new BoundedRecordReader(new StringReader($"h1,h2{lineEnd}{overlong}{lineEnd}3,4{lineEnd}5,6{lineEnd}"), 256);

        var records = Parse(reader);

        Assert.Equal(["h1|h2", reader.Sentinel, "3|4", "5|6"], records.Select(r => r.Values).ToArray());
        Assert.Equal(overlong, reader.TakeOverlongStart());
    }

    [Fact]
    public void A_last_record_over_the_bound_without_a_line_end_is_replaced_too()
    {
        using var reader = new BoundedRecordReader(new StringReader("h\n" + new string('y', 5000)), 256);

        var records = Parse(reader);

        Assert.Equal(["h", reader.Sentinel], records.Select(r => r.Values).ToArray());
        Assert.Equal("… (cut: 3976 more characters)", reader.TakeOverlongStart()[1024..]);
    }

    [Fact]
    public void A_line_of_fifty_megabytes_is_skipped_with_memory_bounded_by_the_bound_not_the_line()
    {
        const int bound = 64 * 1024;
        const long lineLength = 50L * 1024 * 1024;
        using var reader = new BoundedRecordReader(new EndlessLine("h1,h2\n1,2\n", lineLength, "\n3,4\n"), bound);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var records = Parse(reader);

        // Everything this thread allocated to read 50 MB: the reader's buffer (about 2 x 64K chars),
        // CsvHelper's, and small strings; a line held whole would be 100 MB of UTF-16.
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.Equal(["h1|h2", "1|2", reader.Sentinel, "3|4"], records.Select(r => r.Values).ToArray());
        Assert.InRange(allocated, 0, 4L * 1024 * 1024);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"(cut: {lineLength - 1024} more characters)"), reader.TakeOverlongStart(), StringComparison.Ordinal);
    }

    private static List<(string Values, long Line)> Parse(TextReader reader)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false, IgnoreBlankLines = false };
        using var parser = new CsvParser(reader, configuration, leaveOpen: true);
        var records = new List<(string, long)>();
        long next = 1;
        while (parser.Read())
        {
            records.Add((string.Join('|', parser.Record!), next));
            next = parser.RawRow + 1;
        }

        return records;
    }

    /// <summary>A text with one line of <c>length</c> characters in the middle, made up as it is read: never held.</summary>
    private sealed class EndlessLine(string before, long length, string after) : TextReader
    {
        private long _position;

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            var written = 0;
            while (written < buffer.Length && _position < before.Length + length + after.Length)
            {
                buffer[written++] = _position < before.Length ? before[(int)_position]
                    : _position < before.Length + length ? 'x'
                    : after[(int)(_position - before.Length - length)];
                _position++;
            }

            return written;
        }
    }
}
