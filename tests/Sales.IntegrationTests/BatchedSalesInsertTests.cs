using System.Globalization;
using Dapper;
using Sales.Domain.Sheets;
using Sales.IntegrationTests.Support;
using Sales.Infrastructure.Persistence;

namespace Sales.IntegrationTests;

/// <summary>
/// New sales are inserted <see cref="NewSalesInsert.RowsPerStatement"/> to a statement, the rest one by
/// one, each parameter bound again only when its value changes: every count around a batch's size
/// stores each line once, with its values, on a first import, a re-import and a grown sheet.
/// </summary>
public sealed class BatchedSalesInsertTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(65)]
    [InlineData(2500)]
    public async Task Every_new_line_is_stored_once_with_its_values_whatever_the_count(int lines)
    {
        var first = await ImportAsync(lines);
        var again = await ImportAsync(lines);
        var grown = await ImportAsync(lines + 33);

        Assert.Equal((lines, 0), (first.New, first.Duplicate));
        Assert.Equal((0, lines), (again.New, again.Duplicate));
        Assert.Equal((33, lines), (grown.New, grown.Duplicate));
        Assert.Equal(Expected(lines + 33), Stored());
    }

    private async Task<Application.Import.SheetImportSummary> ImportAsync(int lines)
    {
        var result = await _workspace.ImportAsync(
            _workspace.Write("p.csv", Sheets.TwoProducts), _workspace.Write("s.csv", Sheets.TwoStores), _workspace.Write("v.csv", Sheets.DistinctSales(lines)));
        return result.Sheets.Single(sheet => sheet.Kind == SheetKind.Sales);
    }

    // Sheets.DistinctSales: line i is day 2020-01-01 + i / 1000, REF00(1 + i % 2) at store 1 + i % 2,
    // quantity 1 + i % 1000, each line once; REF001 costs 49.99, REF002 19.99.
    private static List<string> Expected(int lines) => [.. Enumerable.Range(0, lines)
        .Select(i => string.Create(CultureInfo.InvariantCulture,
            $"{new DateOnly(2020, 1, 1).AddDays(i / 1000):yyyy-MM-dd},REF00{1 + (i % 2)},{1 + (i % 2)},{1 + (i % 1000)},1,{(i % 2 == 0 ? 4999 : 1999)}"))
        .Order(StringComparer.Ordinal)];

    private List<string> Stored()
    {
        using var connection = _workspace.Database.Open();
        return [.. connection.Query<string>("""
            SELECT sale_date || ',' || product_reference || ',' || store_id || ',' || quantity || ',' || occurrence || ',' || unit_price_cents
            FROM sales
            """).Order(StringComparer.Ordinal)];
    }
}
