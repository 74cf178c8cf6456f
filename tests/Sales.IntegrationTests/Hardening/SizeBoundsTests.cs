using System.Diagnostics;
using System.Text;
using Sales.Application.Abstractions;
using Sales.Application.Import;
using Sales.Domain.Limits;
using Sales.Infrastructure;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Hardening;

/// <summary>
/// Issue 11 §4: a line over Sales:MaxLineLength is refused as a line without being held whole; a
/// sheet over Sales:MaxSheetBytes fails while it streams (files, devices, pipes, downloads, an
/// announced Content-Length); every message printed or stored is bounded with a visible cut marker.
/// </summary>
public sealed class SizeBoundsTests : IDisposable
{
    private const int SmallBound = 4096;
    private const long SmallCap = 1024 * 1024;

    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private string ProductsFile => _workspace.Write("p.csv", Sheets.TwoProducts);

    private string StoresFile => _workspace.Write("s.csv", Sheets.TwoStores);

    private Task<ImportResult> ImportAsync(string? sales, Action<SalesOptions>? configure = null, bool strict = false) =>
        ClockedServices.SendAsync(_workspace, new ImportSheetsCommand(ProductsFile, StoresFile, sales) { Strict = strict }, configure);

    [Fact]
    public async Task A_line_over_the_bound_is_refused_as_a_line_naming_the_bound_and_the_others_are_imported()
    {
        var longLine = "2023-05-27,REF001," + new string('7', 10_000) + ",1";
        var sales = _workspace.Write("v.csv", Sheets.Sales() + "2023-05-27,REF001,1,1\n" + longLine + "\n2023-05-28,REF002,2,2\n");

        var result = await ImportAsync(sales, options => options.MaxLineLength = SmallBound);

        Assert.Equal(2, result.NewSales);
        Assert.Equal("3|(whole line)", _workspace.Database.Text("SELECT line_number || '|' || column_name FROM rejected_lines"));
        Assert.Equal(
            "longer than 4,096 characters, the bound set by Sales:MaxLineLength: skipped without being read whole",
            _workspace.Database.Text("SELECT reason FROM rejected_lines"));
        Assert.Equal(
            BoundedText.Cut(longLine),
            _workspace.Database.Text("SELECT raw_text FROM rejected_lines"));
    }

    [Fact]
    public async Task A_megabyte_line_is_refused_at_the_default_bound()
    {
        var sales = _workspace.Write("v.csv", Sheets.Sales() + "2023-05-27,REF001,1,1\n2023-05-28,\"" + new string('x', 1_000_000) + "\",1,1\n");

        var result = await ImportAsync(sales);

        Assert.Equal(1, result.NewSales);
        Assert.Contains("longer than 65,536 characters", _workspace.Database.Text("SELECT reason FROM rejected_lines"), StringComparison.Ordinal);
        Assert.EndsWith("… (cut: 998993 more characters)", _workspace.Database.Text("SELECT raw_text FROM rejected_lines"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_quoted_field_spanning_lines_keeps_the_line_numbers_of_the_lines_after_it()
    {
        var field = string.Join("\n", Enumerable.Repeat(new string('x', 1000), 10));
        var sales = _workspace.Write("v.csv", Sheets.Sales() + $"2023-05-27,\"{field}\",1,1\n2023-05-28,REF001,deux,1\n2023-05-29,REF001,1,1\n");

        var result = await ImportAsync(sales, options => options.MaxLineLength = SmallBound);

        Assert.Equal(1, result.NewSales);
        Assert.Equal("2|(whole line),12|Quantité", _workspace.Database.Text(
            "SELECT group_concat(line_number || '|' || column_name) FROM (SELECT * FROM rejected_lines ORDER BY line_number)"));
    }

    [Fact]
    public async Task Strict_fails_on_a_line_over_the_bound_with_a_bounded_message()
    {
        var sales = _workspace.Write("v.csv", Sheets.Sales() + "2023-05-27,REF001," + new string('7', 10_000) + ",1\n");

        var error = await Assert.ThrowsAsync<SheetSourceException>(() => ImportAsync(sales, options => options.MaxLineLength = SmallBound, strict: true));

        Assert.Equal((2L, "(whole line)"), (error.LineNumber, error.Column));
        Assert.Equal(0, _workspace.Database.Scalar("SELECT COUNT(*) FROM sales"));
    }

    [Fact]
    public async Task A_header_over_the_bound_fails_the_sheet_naming_line_one()
    {
        var sales = _workspace.Write("v.csv", "Date,ID Référence produit,Quantité,ID Magasin," + new string('h', 10_000) + "\n2023-05-27,REF001,1,1\n");

        var error = await Assert.ThrowsAsync<SheetSourceException>(() => ImportAsync(sales, options => options.MaxLineLength = SmallBound));

        Assert.Equal(1, error.LineNumber);
        Assert.Contains("the header is longer than 4,096 characters", error.Message, StringComparison.Ordinal);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task Values_quoted_in_reasons_and_failure_messages_are_bounded_everywhere_they_are_stored()
    {
        var huge = new string('9', 200_000);
        var sales = _workspace.Write("v.csv", Sheets.Sales() + $"2023-05-27,REF001,{huge},1\n");

        await ImportAsync(sales, options => options.MaxLineLength = 1024 * 1024);
        var outcome = await _workspace.RunImportAsync("--products", ProductsFile, "--stores", StoresFile, "--sales", sales, "--strict");

        Assert.InRange(_workspace.Database.Scalar("SELECT MAX(length(reason)) FROM rejected_lines"), 1, BoundedText.MaxLength + 64);
        Assert.InRange(_workspace.Database.Scalar("SELECT MAX(length(raw_text)) FROM rejected_lines"), 1, BoundedText.MaxLength + 64);
        Assert.Contains("… (cut: ", _workspace.Database.Text("SELECT reason FROM rejected_lines"), StringComparison.Ordinal);

        // Through the host, at the default line bound (64 KB): the line itself is refused whole.
        Assert.Equal(1, outcome.ExitCode);
        Assert.InRange(outcome.Error.Length, 1, BoundedText.MaxLength + 64);
        Assert.Single(outcome.Error.Trim().Split('\n'));
        Assert.InRange(_workspace.Database.Scalar("SELECT MAX(length(message)) FROM imports"), 1, BoundedText.MaxLength + 64);
    }

    [Fact]
    public async Task The_profile_names_a_line_over_the_bound_and_bounds_the_values_it_quotes()
    {
        var sales = _workspace.Write("v.csv", Sheets.Sales() + "2023-05-27,REF001,1,1\n2023-05-27,REF001," + new string('7', 10_000) + ",1\n2023-05-28,REF001," + new string('x', 3000) + ",1\n");

        var profile = await ClockedServices.SendAsync(_workspace, new Sales.Application.Profiling.ProfileSheetsCommand(null, null, sales),
            options => options.MaxLineLength = SmallBound);

        var findings = string.Join("\n", profile.Findings);
        Assert.Contains("1 line of the sales sheet would be refused whole (line 3: longer than 4,096 characters", findings, StringComparison.Ordinal);
        var invalid = Assert.Single(profile.Sheets[0].Columns[2].Invalid);
        Assert.Equal(4, invalid.LineNumber);
        Assert.EndsWith("… (cut: 1976 more characters)", invalid.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_over_the_cap_fails_before_it_is_read()
    {
        var sales = _workspace.Write("v.csv", Sheets.DistinctSales(100_000));

        var error = await Assert.ThrowsAsync<SheetSourceException>(() => ImportAsync(sales, options => options.MaxSheetBytes = SmallCap));

        Assert.Equal($"{sales}: the sheet is larger than 1,048,576 bytes, the cap set by Sales:MaxSheetBytes (a Google sheet holds at most 10 million cells, about 100 MB of CSV): reading stopped there", error.Message);
        Assert.Equal(0, _workspace.Database.Scalar("SELECT COUNT(*) FROM sales"));
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task Dev_zero_fails_at_the_cap_through_the_host()
    {
        var start = HostProcess.StartInfo(_workspace.Directory, ["import", "--db", _workspace.DatabasePath, "--products", ProductsFile, "--stores", StoresFile, "--sales", "/dev/zero"]);
        start.Environment["Sales__MaxSheetBytes"] = SmallCap.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        using var safetyNet = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(safetyNet.Token);

        Assert.Equal(1, process.ExitCode);
        Assert.Equal("error: /dev/zero: the sheet is larger than 1,048,576 bytes, the cap set by Sales:MaxSheetBytes (a Google sheet holds at most 10 million cells, about 100 MB of CSV): reading stopped there", error.Trim());
    }

    [Fact]
    public async Task A_pipe_writing_valid_csv_without_end_fails_at_the_cap()
    {
        var fifo = Path.Combine(_workspace.Directory, "endless.csv");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        using var stopWriting = new CancellationTokenSource();
        var writer = Task.Run(() => WriteEndlessly(fifo, stopWriting.Token));

        var error = await Assert.ThrowsAsync<SheetSourceException>(() => ImportAsync(fifo, options => options.MaxSheetBytes = SmallCap));
        await stopWriting.CancelAsync();
        await writer;

        Assert.Contains("the sheet is larger than 1,048,576 bytes", error.Message, StringComparison.Ordinal);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task A_server_streaming_csv_without_end_fails_at_the_cap_and_leaves_no_temporary_file()
    {
        await using var server = new LocalHttpServer();
        server.Serve("/ventes.csv", Reply.Endless(Sheets.Sales(), "2023-05-27,REF001,1,1\n"));
        var temporary = Directory.CreateDirectory(Path.Combine(_workspace.Directory, "tmp")).FullName;

        var start = HostProcess.StartInfo(_workspace.Directory,
            ["import", "--db", _workspace.DatabasePath, "--products", ProductsFile, "--stores", StoresFile, "--sales", server.Url("/ventes.csv")]);
        start.Environment["Sales__MaxSheetBytes"] = SmallCap.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["TMPDIR"] = temporary;
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        using var safetyNet = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(safetyNet.Token);

        Assert.Equal(1, process.ExitCode);
        Assert.Equal($"error: {server.Url("/ventes.csv")}: the sheet is larger than 1,048,576 bytes, the cap set by Sales:MaxSheetBytes (a Google sheet holds at most 10 million cells, about 100 MB of CSV): reading stopped there", error.Trim());
        Assert.Empty(Directory.GetFiles(temporary, "sales-*"));
    }

    [Fact]
    public async Task A_content_length_over_the_cap_is_refused_before_downloading()
    {
        await using var server = new LocalHttpServer();
        server.Serve("/ventes.csv", Reply.File(Encoding.UTF8.GetBytes(Sheets.DistinctSales(10))) with { AnnouncedLength = 300_000_000 });

        var error = await Assert.ThrowsAsync<SheetSourceException>(() => ImportAsync(server.Url("/ventes.csv")));

        Assert.Equal($"{server.Url("/ventes.csv")}: the server announces 300,000,000 bytes, more than 268,435,456, the cap set by Sales:MaxSheetBytes: nothing was downloaded", error.Message);
    }

    private static void WriteEndlessly(string fifo, CancellationToken stop)
    {
        try
        {
            using var stream = new FileStream(fifo, FileMode.Open, FileAccess.Write);
            var header = Encoding.UTF8.GetBytes(Sheets.Sales());
            stream.Write(header);
            var lines = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("2023-05-27,REF001,1,1\n", 1000)));
            while (!stop.IsCancellationRequested)
            {
                stream.Write(lines);
            }
        }
        catch (IOException)
        {
            // The reader stopped at the cap and closed the pipe: writing fails, as it should.
        }
    }
}
