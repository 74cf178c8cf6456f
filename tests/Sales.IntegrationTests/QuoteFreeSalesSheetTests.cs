using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Sales.Application.Abstractions;
using Sales.Domain.Sheets;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests;

/// <summary>
/// A sales sheet without any quote is split at its delimiters, one with a quote is parsed by CsvHelper
/// (decision 0043): both read the same lines, numbers and values, whatever the encoding and line ends.
/// </summary>
public sealed class QuoteFreeSalesSheetTests : IDisposable
{
    // Blank lines, spaces, a line with a missing and one with an extra column, a day with a midnight time.
    private static readonly string[] Body =
    [
        "2023-05-27,REF001,2,1", "", " 27/05/2023 , REF002 ,3, 2 ", "   ", "2023-05-28 00:00,REF001,1,1,extra", "2023-05-29,REF002,4",
        "<<<<<<<x,REF001,1,1", "2023-05-30,Référence é€,1,1",
    ];

    private const string QuotedLine = "\"2023-05-31\",REF001,1,1";

    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    public static TheoryData<string, string, string> Variants => new()
    {
        { "utf-8", ",", "\n" },
        { "utf-8-bom", ";", "\r\n" },
        { "windows-1252", "\t", "\r" },
        { "utf-16-bom", ",", "\r\n" },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task A_sheet_without_quotes_reads_as_the_same_sheet_parsed_by_CsvHelper(string encodingName, string delimiter, string lineEnd)
    {
        var lines = Body.Select(l => l.Replace(",", delimiter, StringComparison.Ordinal)).ToArray();
        var text = string.Join(lineEnd, [Sheets.SalesHeader.Replace(",", delimiter, StringComparison.Ordinal), .. lines]) + lineEnd;
        var quoted = text + QuotedLine.Replace(",", delimiter, StringComparison.Ordinal) + lineEnd;

        var quoteFree = await ReadAsync("quote-free.csv", text, encodingName);
        var csvHelper = await ReadAsync("quoted.csv", quoted, encodingName);

        Assert.Equal(csvHelper[..^1], quoteFree);
        Assert.Equal([2L, 4L, 6L, 7L, 8L, 9L], quoteFree.Select(l => l.Line));
        Assert.Equal("2023-05-28 00:00|REF001|1|1", quoteFree[2].Values);
        Assert.Equal("2023-05-29|REF002|4|", quoteFree[3].Values);
        Assert.Equal("2023-05-30|Référence é€|1|1", quoteFree[5].Values);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"2023-05-31\",REF001,1,1\n")]
    public async Task A_merge_marker_and_an_invalid_utf8_byte_past_the_first_block_name_their_line_on_both_paths(string quotedLine)
    {
        var start = quotedLine + string.Concat(Enumerable.Repeat("2023-05-27,REF001,2,1\n", 300));
        var marker = Encoding.UTF8.GetBytes(Sheets.Sales() + start + "=======\n");
        var invalid = Encoding.UTF8.GetBytes(Sheets.Sales() + start + "2023-05-27,RÉF,2,1\n");
        invalid[^8] = 0xFF;

        var markerError = await Assert.ThrowsAsync<SheetSourceException>(() => ReadBytesAsync("marker.csv", marker));
        var invalidError = await Assert.ThrowsAsync<SheetSourceException>(() => ReadBytesAsync("invalid.csv", invalid));

        var lastLine = quotedLine.Length == 0 ? 302 : 303;
        Assert.Equal((lastLine, lastLine), (markerError.LineNumber, invalidError.LineNumber));
        Assert.Contains("merge-conflict markers ('=======')", markerError.Message, StringComparison.Ordinal);
        Assert.Contains("invalid UTF-8 byte in this line", invalidError.Message, StringComparison.Ordinal);
    }

    private Task<List<(long Line, string Values, string Raw)>> ReadAsync(string name, string content, string encodingName) =>
        ReadBytesAsync(name, Encode(content, encodingName));

    private async Task<List<(long Line, string Values, string Raw)>> ReadBytesAsync(string name, byte[] bytes)
    {
        var path = _workspace.WriteBytes(name, bytes);
        await using var services = _workspace.Services();
        using var sheet = (await services.GetRequiredService<ISheetReader>().OpenAsync(SheetKind.Sales, path, null, CancellationToken.None)).Sheet!;
        return [.. sheet.ReadLines().Select(l => (l.LineNumber, string.Join('|', l.Values), l.RawText))];
    }

    private static byte[] Encode(string content, string encodingName) => encodingName switch
    {
        "utf-8-bom" => [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(content)],
        "utf-16-bom" => [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(content)],
        "windows-1252" => CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(content),
        _ => Encoding.UTF8.GetBytes(content),
    };
}
