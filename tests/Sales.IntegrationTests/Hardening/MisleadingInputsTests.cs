using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Hardening;

/// <summary>
/// Sources that are not what they claim: each is named by what it is (compressed, an archive,
/// binary, a merge conflict, a line of invalid UTF-8, a redirect out of http), in one line naming
/// the source and, where it has one, the line; nothing is stored, no exception type is shown.
/// A compressed HTTP answer (<c>Content-Encoding</c>) is decoded and imported.
/// </summary>
[Trait("Category", "Slow")]
public sealed class MisleadingInputsTests : IAsyncLifetime, IDisposable
{
    private readonly Workspace _workspace = new();
    private readonly LocalHttpServer _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _workspace.Dispose();

    public static TheoryData<string, string> CompressedAndArchived() => new()
    {
        { "gzip", "the file is gzip-compressed, not CSV" },
        { "zip", "the file is a zip archive (an Excel .xlsx workbook is one), not CSV" },
        { "bzip2", "the file is bzip2-compressed, not CSV" },
        { "xz", "the file is xz-compressed, not CSV" },
        { "zstd", "the file is zstd-compressed, not CSV" },
    };

    [Theory]
    [MemberData(nameof(CompressedAndArchived))]
    public async Task A_compressed_file_named_csv_is_named_by_what_it_is(string format, string expected)
    {
        var sales = _workspace.WriteBytes("v.csv", Compressed(format, Sheets.DistinctSales(50)));

        var error = await RefusedAsync(sales);

        Assert.StartsWith($"error: {sales}: {expected}", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Binary_data_named_csv_is_called_binary(bool withNul)
    {
        var bytes = RandomNumberGenerator.GetBytes(8192);
        if (!withNul)
        {
            // Control bytes and high bytes only, no NUL: still not text.
            bytes = [.. bytes.Select(b => (byte)(b % 2 == 0 ? 1 + (b % 30) : 0x80 | b))];
        }

        var sales = _workspace.WriteBytes("v.csv", bytes);

        var error = await RefusedAsync(sales);

        Assert.Equal($"error: {sales}: the file holds binary data, not CSV text", error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(5000)]
    public async Task Unresolved_merge_conflict_markers_are_named_with_their_line(int linesBefore)
    {
        var lines = Sheets.DistinctSales(linesBefore + 2).TrimEnd('\n').Split('\n');
        var text = linesBefore == 0
            ? $"<<<<<<< HEAD\n{string.Join('\n', lines)}\n=======\n{lines[0]}\n>>>>>>> import-fix\n"
            : $"{string.Join('\n', lines[..(linesBefore + 1)])}\n<<<<<<< HEAD\n{lines[^1]}\n=======\n>>>>>>> import-fix\n";
        var sales = _workspace.Write("v.csv", text);

        var error = await RefusedAsync(sales);

        Assert.Equal(
            $"error: {sales}, line {linesBefore + 1 + (linesBefore == 0 ? 0 : 1)}: the file contains unresolved merge-conflict markers ('<<<<<<< HEAD'): resolve the conflict, then import again",
            error);
    }

    [Fact]
    public async Task An_xml_file_is_called_xml_not_html()
    {
        var sales = _workspace.Write("v.csv", "<?xml version=\"1.0\"?>\n<sales><sale day=\"2024-01-01\"/></sales>\n");

        var error = await RefusedAsync(sales);

        Assert.Equal($"error: {sales}: the file is XML, not CSV", error);
    }

    [Fact]
    public async Task One_invalid_byte_in_a_utf8_file_is_named_by_its_line_and_the_file_stays_utf8()
    {
        var text = Encoding.UTF8.GetBytes(Sheets.DistinctSales(5));
        var lineStarts = text.Select((b, i) => (b, i)).Where(x => x.b == (byte)'\n').Select(x => x.i + 1).ToList();
        text[lineStarts[3] + 1] = 0xFF; // inside the day of line 5 (header is line 1)
        var sales = _workspace.WriteBytes("v.csv", text);

        var error = await RefusedAsync(sales);

        Assert.Equal(
            $"error: {sales}, line 5: invalid UTF-8 byte in this line (the rest of the file is UTF-8): fix the line or save the file as UTF-8 again",
            error);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task A_compressed_http_answer_is_decoded_and_hashed_as_its_content(string encoding)
    {
        var csv = Sheets.DistinctSales(40);
        var reply = Reply.File(Compressed(encoding, csv));
        reply.Headers["Content-Encoding"] = encoding;
        _server.Serve("/sales", reply);
        var products = _workspace.Write("p.csv", Sheets.TwoProducts);
        var stores = _workspace.Write("s.csv", Sheets.TwoStores);

        var (exitCode, _, error) = await _workspace.RunImportAsync("--products", products, "--stores", stores, "--sales", _server.Url("/sales"));

        Assert.True(exitCode == 0, error);
        Assert.Equal(40, _workspace.Database.Scalar("SELECT COUNT(*) FROM sales"));
        Assert.Equal(
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(csv))),
            _workspace.Database.Text("SELECT content_sha256 FROM import_sheets WHERE sheet = 'sales'"));
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://127.0.0.1/sales.csv")]
    public async Task A_redirect_out_of_http_is_refused_naming_the_source(string location)
    {
        _server.Serve("/sales", Reply.Redirect(location));
        var url = _server.Url("/sales");

        var error = await RefusedAsync(url);

        Assert.StartsWith($"error: {url}: the server redirected to an address that is not http(s), which is never followed (", error, StringComparison.Ordinal);
    }

    private async Task<string> RefusedAsync(string sales)
    {
        var products = _workspace.Write("p.csv", Sheets.TwoProducts);
        var stores = _workspace.Write("s.csv", Sheets.TwoStores);
        await _workspace.ImportAsync(products, stores, null);
        var before = _workspace.Database.Dump();

        var (exitCode, output, error) = await _workspace.RunImportAsync("--products", products, "--stores", stores, "--sales", sales);

        Assert.True(exitCode == 1, output + error);
        Assert.Single(error.Trim().Split('\n'));
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.DoesNotContain("HTML", error, StringComparison.Ordinal);
        Assert.Equal(before, _workspace.Database.Dump());
        return error.Trim();
    }

    private static byte[] Compressed(string format, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        using var output = new MemoryStream();
        switch (format)
        {
            case "gzip":
                using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
                {
                    gzip.Write(bytes);
                }

                break;
            case "deflate":
                using (var zlib = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true))
                {
                    zlib.Write(bytes);
                }

                break;
            case "br":
                using (var brotli = new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true))
                {
                    brotli.Write(bytes);
                }

                break;
            case "zip":
                using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
                using (var entry = zip.CreateEntry("v.csv").Open())
                {
                    entry.Write(bytes);
                }

                break;
            default:
                // Only the magic number matters to the reader; the rest stands for compressed data.
                byte[] magic = format switch
                {
                    "bzip2" => [0x42, 0x5A, 0x68, 0x39],
                    "xz" => [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00],
                    _ => [0x28, 0xB5, 0x2F, 0xFD],
                };
                output.Write(magic);
                output.Write(RandomNumberGenerator.GetBytes(2000));
                break;
        }

        return output.ToArray();
    }
}
