using Sales.Application.Import;
using Sales.Application.Progress;
using Sales.Domain;
using Sales.Domain.Limits;
using Sales.Domain.Parsing;
using Sales.Domain.Sheets;

namespace Sales.UnitTests.Import;

/// <summary>The lines handed to the session: in identity order, orphans left out, each priced by its product, counted as stored.</summary>
public class PricedSalesTests
{
    private static readonly Dictionary<string, decimal> Prices = new(StringComparer.Ordinal) { ["REF001"] = 1.50m, ["REF002"] = 12.99m };

    [Fact]
    public void Lines_come_in_identity_order_with_their_product_price_and_occurrence()
    {
        var lines = Lines(["2023-05-28", "REF002", "1", "1"], ["2023-05-27", "REF002", "3", "2"], ["2023-05-27", "REF001", "1", "1"], ["2023-05-27", "REF001", "1", "1"]);

        var priced = new PricedSales(lines, Prices, new Dictionary<long, RowError>(), new WorkProgress()).ToList();

        Assert.Equal(
            [
                (new Sale(new DateOnly(2023, 5, 27), "REF001", 1, 1), 1, 1.50m),
                (new Sale(new DateOnly(2023, 5, 27), "REF001", 1, 1), 2, 1.50m),
                (new Sale(new DateOnly(2023, 5, 27), "REF002", 3, 2), 1, 12.99m),
                (new Sale(new DateOnly(2023, 5, 28), "REF002", 1, 1), 1, 12.99m),
            ],
            priced.Select(sale => (sale.Identity.Content, sale.Identity.Occurrence, sale.UnitPrice)));
    }

    [Fact]
    public void Orphan_lines_are_left_out_and_not_counted()
    {
        var lines = Lines(["2023-05-27", "NOPE", "1", "1"], ["2023-05-27", "REF001", "1", "99"], ["2023-05-28", "REF001", "2", "1"]);
        var orphans = new Dictionary<long, RowError>
        {
            [2] = new("ID Référence produit", "unknown product 'NOPE'"),
            [3] = new("ID Magasin", "unknown store '99'"),
        };

        var priced = new PricedSales(lines, Prices, orphans, new WorkProgress());

        var only = Assert.Single(priced);
        Assert.Equal((new Sale(new DateOnly(2023, 5, 28), "REF001", 2, 1), 1.50m), (only.Identity.Content, only.UnitPrice));
    }

    [Fact]
    public void Each_enumeration_counts_the_storing_stage_from_zero()
    {
        var progress = new WorkProgress();
        var priced = new PricedSales(Lines(["2023-05-27", "REF001", "1", "1"], ["2023-05-28", "REF001", "1", "1"]), Prices, new Dictionary<long, RowError>(), progress);

        using var first = priced.GetEnumerator();
        Assert.True(first.MoveNext());
        Assert.Equal((WorkStage.Storing, SheetKind.Sales, 1L, (long?)2), Snapshot(progress));
        Assert.True(first.MoveNext());
        Assert.False(first.MoveNext());
        Assert.Equal(2, progress.Read().Done);

        using var second = priced.GetEnumerator();
        Assert.True(second.MoveNext());
        Assert.Equal(1, progress.Read().Done);
    }

    private static (WorkStage, SheetKind, long, long?) Snapshot(WorkProgress progress)
    {
        var now = progress.Read();
        return (now.Stage, now.Sheet, now.Done, now.Expected);
    }

    private static NumberedSales Lines(params string[][] lines)
    {
        var sheet = new SalesSheet(new SaleDayWindow(new DateOnly(2000, 1, 1), new DateOnly(2030, 12, 31)));
        for (var i = 0; i < lines.Length; i++)
        {
            sheet.Add(new Line(i + 2, lines[i]));
        }

        return sheet.Complete(forcedOrder: null).Lines;
    }

    private sealed record Line(long LineNumber, IReadOnlyList<string> Values) : ISheetLine
    {
        public string RawText => string.Join(',', Values);

        public RowError? ReaderRefusal => null;
    }
}
