using Dapper;
using Sales.Application.Import;
using Sales.Domain.Sheets;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests;

/// <summary>
/// A sales sheet that rewrote its past: stored lines it no longer has, within its first and last
/// day, are counted (found by the merge with the SQLite key) and kept.
/// </summary>
public sealed class StoredNotInSheetTests : IDisposable
{
    // Three days; the 28th has the same line twice.
    private static readonly string[] Yesterday =
    [
        "2023-05-27,REF001,5,1",
        "2023-05-27,REF003,1,4",
        "2023-05-28,REF002,3,2",
        "2023-05-28,REF002,3,2",
        "2023-05-28,REF004,2,3",
        "2023-05-29,REF003,2,1",
        "2023-05-29,REF005,1,7",
    ];

    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task The_same_sheet_again_or_grown_has_nothing_missing()
    {
        await ImportAsync(Yesterday);

        Assert.Equal(0, (await ImportAsync(Yesterday)).StoredNotInSheet);
        Assert.Equal(0, (await ImportAsync([.. Yesterday, "2023-05-30,REF001,1,1"])).StoredNotInSheet);
    }

    [Fact]
    public async Task A_line_edited_at_the_source_is_stored_in_its_new_form_and_its_old_form_is_counted_and_kept()
    {
        await ImportAsync(Yesterday);
        var edited = Yesterday.Select(line => line == "2023-05-28,REF004,2,3" ? "2023-05-28,REF004,20,3" : line).ToArray();

        var summary = await ImportAsync(edited);

        Assert.Equal((1, 6, 1), (summary.New, summary.Duplicate, summary.StoredNotInSheet));
        Assert.Equal(8, _workspace.Database.Count("sales"));
        using var connection = _workspace.Database.Open();
        Assert.Equal([0L, 1L], connection.Query<long>("SELECT rows_not_in_sheet FROM import_log WHERE sheet = 'sales' ORDER BY import_id"));
    }

    [Theory]
    [InlineData("2023-05-27,REF001,5,1")] // the first identity of the first day
    [InlineData("2023-05-28,REF002,3,2")] // one of two identical lines: its second occurrence is gone
    [InlineData("2023-05-29,REF005,1,7")] // the last identity of the last day
    public async Task A_line_deleted_at_the_source_is_counted_and_kept(string deleted)
    {
        await ImportAsync(Yesterday);
        var index = Array.IndexOf(Yesterday, deleted);

        var summary = await ImportAsync([.. Yesterday[..index], .. Yesterday[(index + 1)..]]);

        Assert.Equal((0, 1), (summary.New, summary.StoredNotInSheet));
        Assert.Equal(Yesterday.Length, _workspace.Database.Count("sales"));
    }

    [Fact]
    public async Task Days_outside_the_sheet_are_not_counted_when_the_sheet_rolls_forward()
    {
        await ImportAsync(Yesterday);
        await ImportAsync(["2023-06-15,REF001,1,1"]);

        // A 30-day sheet drops its oldest day and adds today; the stored 15 June lies after it.
        var rolled = await ImportAsync([.. Yesterday.Where(line => !line.StartsWith("2023-05-27", StringComparison.Ordinal)), "2023-05-30,REF002,1,5"]);

        Assert.Equal((1, 0), (rolled.New, rolled.StoredNotInSheet));
    }

    private async Task<SheetImportSummary> ImportAsync(string[] lines)
    {
        var sales = _workspace.Write("ventes.csv", Sheets.Sales(lines));
        var result = await _workspace.SendAsync(
            new ImportSheetsCommand(Repository.Sample("produits.csv"), Repository.Sample("magasins.csv"), sales));
        return result.Sheets.Single(s => s.Kind == SheetKind.Sales);
    }
}
