using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Postgres;

/// <summary>
/// The import behaviours of the SQLite tests, on a real PostgreSQL server through the real host:
/// first import, re-import, genuine repeats, another date format, price snapshot, rejected lines,
/// all-or-nothing.
/// </summary>
[Trait("Category", "Slow")]
[Collection(OnPostgres.Name)]
public sealed class PostgresImportTests(PostgresServer server) : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [PostgresFact]
    public async Task The_samples_are_stored_once_and_a_reimport_adds_nothing()
    {
        var database = await server.CreateDatabaseAsync();

        var first = await database.ImportSamplesAsync();
        var again = await database.ImportSamplesAsync();

        Assert.True(first.ExitCode == 0, first.StandardError);
        Assert.True(again.ExitCode == 0, again.StandardError);
        Assert.Equal(30, await database.CountAsync("SELECT COUNT(*) FROM sales"));
        Assert.Equal(526878, await database.CountAsync("SELECT SUM(quantity * unit_price_cents) FROM sales"));
        Assert.Equal(0, await database.CountAsync("SELECT rows_new FROM import_log WHERE sheet = 'sales' AND import_id = 2"));
        Assert.Equal(30, await database.CountAsync("SELECT rows_duplicate FROM import_log WHERE sheet = 'sales' AND import_id = 2"));
        Assert.Equal(2, await database.CountAsync("SELECT COUNT(*) FROM imports WHERE outcome = 'succeeded'"));
    }

    [PostgresFact]
    public async Task Genuine_repeats_are_kept_and_only_an_appended_copy_is_new()
    {
        var database = await server.CreateDatabaseAsync();
        var twice = _workspace.Write("twice.csv", Sheets.Sales("2023-07-01,REF001,2,1", "2023-07-01,REF001,2,1"));
        var thrice = _workspace.Write("thrice.csv", Sheets.Sales("2023-07-01,REF001,2,1", "2023-07-01,REF001,2,1", "2023-07-01,REF001,2,1"));

        await database.ImportAsync(Repository.Sample("produits.csv"), Repository.Sample("magasins.csv"), twice);
        var grown = await database.ImportAsync(Repository.Sample("produits.csv"), Repository.Sample("magasins.csv"), thrice);

        Assert.True(grown.ExitCode == 0, grown.StandardError);
        Assert.Equal(3, await database.CountAsync("SELECT COUNT(*) FROM sales"));
        Assert.Equal(3, await database.CountAsync("SELECT MAX(occurrence) FROM sales"));
        Assert.Equal(1, await database.CountAsync("SELECT rows_new FROM import_sheets WHERE sheet = 'sales' AND import_id = 2"));
    }

    [PostgresFact]
    public async Task The_same_line_in_another_date_format_is_the_same_line()
    {
        var database = await server.CreateDatabaseAsync();
        var iso = _workspace.Write("iso.csv", Sheets.Sales("2023-05-27,REF001,5,1", "2023-05-28,REF002,3,2"));
        var french = _workspace.Write("fr.csv", "Date;ID Référence produit;Quantité;ID Magasin\r\n27/05/2023;REF001;5;1\r\n28/05/2023;REF002;3;2\r\n");

        await database.ImportAsync(Repository.Sample("produits.csv"), Repository.Sample("magasins.csv"), iso);
        var again = await database.ImportAsync(Repository.Sample("produits.csv"), Repository.Sample("magasins.csv"), french);

        Assert.True(again.ExitCode == 0, again.StandardError);
        Assert.Equal(2, await database.CountAsync("SELECT COUNT(*) FROM sales"));
        Assert.Equal(2, await database.CountAsync("SELECT rows_duplicate FROM import_sheets WHERE sheet = 'sales' AND import_id = 2"));
        Assert.Equal("2023-05-27", await database.ScalarAsync<string>("SELECT MIN(sale_date)::text FROM sales"));
    }

    [PostgresFact]
    public async Task A_sale_keeps_the_price_of_its_import_when_the_product_price_changes()
    {
        var database = await server.CreateDatabaseAsync();
        var products = _workspace.Write("p.csv", Sheets.Products("Produit A,REF001,49.99,100"));
        var dearer = _workspace.Write("p2.csv", Sheets.Products("Produit A,REF001,59.99,100"));
        var stores = _workspace.Write("s.csv", Sheets.Stores("1,Paris,10"));
        var before = _workspace.Write("v1.csv", Sheets.Sales("2023-07-01,REF001,2,1"));
        var after = _workspace.Write("v2.csv", Sheets.Sales("2023-07-01,REF001,2,1", "2023-07-02,REF001,1,1"));

        await database.ImportAsync(products, stores, before);
        var second = await database.ImportAsync(dearer, stores, after);

        Assert.True(second.ExitCode == 0, second.StandardError);
        Assert.Equal(4999, await database.CountAsync("SELECT unit_price_cents FROM sales WHERE sale_date = '2023-07-01'"));
        Assert.Equal(5999, await database.CountAsync("SELECT unit_price_cents FROM sales WHERE sale_date = '2023-07-02'"));
        Assert.Equal(5999, await database.CountAsync("SELECT unit_price_cents FROM products"));
    }

    [PostgresFact]
    public async Task Rejected_lines_are_stored_with_their_line_text_and_reason()
    {
        var database = await server.CreateDatabaseAsync();
        var sales = _workspace.Write("v.csv", Sheets.Sales("2023-07-01,REF001,2,1", "2023-07-01,REF001,deux,1", "2023-07-02,REF404,1,1"));

        var import = await database.ImportAsync(Repository.Sample("produits.csv"), Repository.Sample("magasins.csv"), sales);

        Assert.True(import.ExitCode == 0, import.StandardError);
        Assert.Equal(1, await database.CountAsync("SELECT COUNT(*) FROM sales"));
        Assert.Equal(
            "3|Quantité|2023-07-01,REF001,deux,1|'deux' is not a whole number\n4|ID Référence produit|2023-07-02,REF404,1,1|unknown product 'REF404'",
            await database.ScalarAsync<string>(
                "SELECT string_agg(concat_ws('|', line_number, column_name, raw_text, reason), E'\\n' ORDER BY line_number) FROM rejected_lines"));
    }

    [PostgresFact]
    public async Task A_failed_import_leaves_the_database_exactly_as_before_and_is_logged()
    {
        var database = await server.CreateDatabaseAsync();
        await database.ImportSamplesAsync();
        var before = await database.DumpAsync("imports");
        var products = _workspace.Write("p.csv", Sheets.Products("Produit A,REF001,99.99,1", "Produit Z,REF099,1.00,1"));
        var sales = _workspace.Write("v.csv", Sheets.Sales("2023-07-01,REF001,2,1", "2023-07-02,REF404,1,1"));

        var strict = await database.ImportAsync(products, Repository.Sample("magasins.csv"), sales, "--strict");

        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("line 3", strict.StandardError, StringComparison.Ordinal);
        Assert.Equal("failed", await database.ScalarAsync<string>("SELECT outcome FROM imports ORDER BY id DESC LIMIT 1"));
        Assert.Equal(before, await database.DumpAsync("imports"));
    }
}
