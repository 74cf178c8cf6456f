using System.Globalization;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Postgres;

/// <summary>
/// The merge reads the stored keys by decoding PostgreSQL's binary <c>COPY</c> itself: references of
/// every width of UTF-8, a stream longer than its read buffer, and a read stopped early (stored days
/// after the sheet's last one) leaving the import's transaction usable.
/// </summary>
[Trait("Category", "Slow")]
[Collection(OnPostgres.Name)]
public sealed class PostgresStoredKeyTests(PostgresServer server) : IDisposable
{
    // One, two, three and four UTF-8 bytes per character, and a long one.
    private static readonly string[] References = ["REF001", "RÉF-é", "REF-日本", "REF-😀", "REF-" + new string('x', 200)];

    // 4,000 distinct lines over 20 days (200 a day), then the first ten again: genuine repeats.
    private static readonly string[] Lines = [.. Enumerable.Range(0, 4000).Select(Line), .. Enumerable.Range(0, 10).Select(Line)];

    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [PostgresFact]
    public async Task Many_stored_keys_with_references_of_any_utf8_width_are_all_found_again()
    {
        var database = await server.CreateDatabaseAsync();

        await ImportAsync(database, "all.csv", Lines);
        var again = await ImportAsync(database, "again.csv", Lines);

        Assert.True(again.ExitCode == 0, again.StandardError);
        Assert.Equal(Lines.Length, await database.CountAsync("SELECT COUNT(*) FROM sales"));
        Assert.Equal((0L, (long)Lines.Length, 0L), await SalesLogAsync(database, importId: 2));
    }

    [PostgresFact]
    public async Task A_sheet_ending_before_the_stored_days_counts_only_its_own_days_missing_lines()
    {
        var database = await server.CreateDatabaseAsync();
        await ImportAsync(database, "all.csv", Lines);

        // The first ten days without one line of the sixth, and one new line: days 11 to 20 stay stored, uncounted.
        var firstDays = Lines.Take(2000).Where((_, i) => i != 1000).Concat(Lines[4000..]).Append("2021-01-05,REF001,99,1").ToArray();
        var outcome = await ImportAsync(database, "first-days.csv", firstDays);

        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        Assert.Equal(Lines.Length + 1, await database.CountAsync("SELECT COUNT(*) FROM sales"));
        Assert.Equal((1L, firstDays.Length - 1L, 1L), await SalesLogAsync(database, importId: 2));
        Assert.Equal(2, await database.CountAsync("SELECT COUNT(*) FROM imports WHERE outcome = 'succeeded'"));
    }

    private static string Line(int i)
    {
        var day = new DateOnly(2021, 1, 1).AddDays(i / 200);
        return string.Create(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd},{References[i % 5]},{1 + (i / 5 % 40)},{1 + (i % 2)}");
    }

    private async Task<HostProcess.Outcome> ImportAsync(TestDatabase database, string name, string[] lines)
    {
        var products = _workspace.Write("products.csv", Sheets.Products([.. References.Select((reference, i) => $"Produit {i},{reference},1.50,10")]));
        var stores = _workspace.Write("stores.csv", Sheets.TwoStores);
        return await database.ImportAsync(products, stores, _workspace.Write(name, Sheets.Sales(lines)));
    }

    private static async Task<(long New, long Duplicate, long NotInSheet)> SalesLogAsync(TestDatabase database, int importId) =>
        (await database.CountAsync($"SELECT rows_new FROM import_sheets WHERE sheet = 'sales' AND import_id = {importId}"),
         await database.CountAsync($"SELECT rows_duplicate FROM import_sheets WHERE sheet = 'sales' AND import_id = {importId}"),
         await database.CountAsync($"SELECT rows_not_in_sheet FROM import_sheets WHERE sheet = 'sales' AND import_id = {importId}"));
}
