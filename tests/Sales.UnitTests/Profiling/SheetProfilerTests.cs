using Sales.Application.Profiling;
using Sales.Domain.Limits;
using Sales.Domain.Parsing;
using Sales.Domain.Sheets;

namespace Sales.UnitTests.Profiling;

public sealed class SheetProfilerTests
{
    [Fact]
    public void A_clean_data_set_has_no_defect_and_says_so()
    {
        var profile = Profile(
            [Sheets.ProductsHeader, "Alpha,P1,10.00,31", "Beta,P2,2.45,0"],
            [Sheets.StoresHeader, "1,Paris,4"],
            [Sheets.SalesHeader, "2024-01-01,P1,2,1", "2024-01-02,P2,1,1"]);

        Assert.All(profile.Sheets.SelectMany(s => s.Columns), c => Assert.Equal(0, c.InvalidCount));
        Assert.Contains("No defect found: an import would take every line of these sheets.", profile.Findings);
        Assert.Contains(profile.Findings, f => f.Contains("from 1 January 2024 to 2 January 2024, 2 days, and every one of them has at least one sale", StringComparison.Ordinal));
    }

    [Fact]
    public void Columns_report_types_counts_missing_distinct_range_and_examples()
    {
        var products = Profile([Sheets.ProductsHeader, "Alpha,P1,10.00,31", "Beta,P2,2.45,0", "Gamma,P3,1.99,31", "Delta,P4,abc,"], null, null).Sheets[0];

        var price = products.Columns[2];
        Assert.Equal("Prix", price.Header);
        Assert.Equal("mixed: 3 decimal, 1 text", price.InferredType);
        Assert.Equal((4, 0, 4), (price.Count, price.Missing, price.Distinct));
        Assert.Equal(("1.99", "10.00"), (price.Min, price.Max));
        Assert.Equal(["10.00", "2.45", "1.99"], price.Examples);

        var stock = products.Columns[3];
        Assert.Equal("whole number", stock.InferredType);
        Assert.Equal((4, 1, 2), (stock.Count, stock.Missing, stock.Distinct));
        Assert.Equal(("0", "31"), (stock.Min, stock.Max));
    }

    [Fact]
    public void Values_out_of_range_are_refused_with_the_imports_own_reason()
    {
        var profile = Profile(
            [Sheets.ProductsHeader, "Alpha,P1,10000.01,31"],
            [Sheets.StoresHeader, "0,Paris,100001"],
            [Sheets.SalesHeader, "2024-01-01,P1,1001,1"]);

        var reasons = profile.Sheets.SelectMany(s => s.Columns).SelectMany(c => c.Invalid).Select(v => v.Reason).ToList();
        Assert.Equal(
            [
                "price must be at most 10,000, got 10000.01",
                "store id must be positive, got 0",
                "number of employees must be at most 100,000, got 100001",
                "quantity must be at most 1,000, got 1001",
            ],
            reasons);
        Assert.True(RowParsers.TryParseSale(["2024-01-01", "P1", "1001", "1"], out _, out var error) is false && error.Reason == reasons[3]);
    }

    [Fact]
    public void Invalid_values_are_reported_with_their_line_numbers_and_reasons()
    {
        var profile = Profile(
            [Sheets.ProductsHeader, "Alpha,P1,10.00,31", "Beta,P2,abc,0", "Gamma,P3,1.99,-2"],
            [Sheets.StoresHeader, "1,,4"],
            [Sheets.SalesHeader, "2024-01-01,P1,x,1", ",P1,1,1", "2024-02-30,P1,1,1"]);

        var products = profile.Sheets[0];
        Assert.Equal(new InvalidValue(3, "abc", "'abc' is not an amount"), Assert.Single(products.Columns[2].Invalid));
        Assert.Equal(new InvalidValue(4, "-2", "stock must not be negative, got -2"), Assert.Single(products.Columns[3].Invalid));
        Assert.Equal(2, Assert.Single(profile.Sheets[1].Columns[1].Invalid).LineNumber);
        var sales = profile.Sheets[2];
        Assert.Equal([3L, 4L], sales.Columns[0].Invalid.Select(v => v.LineNumber));
        Assert.Equal(2, Assert.Single(sales.Columns[2].Invalid).LineNumber);
        Assert.Contains(profile.Findings, f => f.StartsWith("Column 'Prix' of the products sheet has 1 value the import would refuse", StringComparison.Ordinal) && f.Contains("line 3", StringComparison.Ordinal));
        Assert.Contains(profile.Findings, f => f.StartsWith("Column 'Quantité' of the sales sheet", StringComparison.Ordinal) && f.Contains("line 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Duplicate_lines_are_counted_per_file_and_explained_for_sales()
    {
        var profile = Profile(
            [Sheets.ProductsHeader, "Alpha,P1,10.00,31", "Alpha,P1,10.00,31"],
            [Sheets.StoresHeader, "1,Paris,4"],
            [Sheets.SalesHeader, "2024-01-01,P1,2,1", "2024-01-01,P1,2,1", "2024-01-01,P1,2,1"]);

        Assert.Equal(new DuplicateLine(3, 2, "Alpha,P1,10.00,31"), Assert.Single(profile.Sheets[0].DuplicateLines));
        var sales = profile.Sheets[2];
        Assert.Equal(2, sales.DuplicateLineCount);
        Assert.Equal([3L, 4L], sales.DuplicateLines.Select(d => d.LineNumber));
        Assert.Contains(profile.Findings, f => f.StartsWith("2 lines of the sales sheet repeat an earlier line", StringComparison.Ordinal) && f.Contains("counts each repeat as another sale", StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_listed_twice_with_other_values_is_a_conflict()
    {
        var products = Profile([Sheets.ProductsHeader, "Alpha,P1,10.00,31", "Alpha,P1,12.00,31"], null, null).Sheets[0];

        Assert.Equal(new ConflictingKey("P1", 2, 3), Assert.Single(products.ConflictingKeys));
    }

    [Fact]
    public void Sales_naming_unknown_products_or_stores_are_orphans()
    {
        var profile = Profile(
            [Sheets.ProductsHeader, "Alpha,P1,10.00,31", "Beta,P2,2.45,0"],
            [Sheets.StoresHeader, "1,Paris,4", "2,Lyon,3"],
            [Sheets.SalesHeader, "2024-01-01,P1,2,1", "2024-01-01,P9,1,1", "2024-01-02,P9,1,1", "2024-01-02,P1,1,7"]);

        var coverage = profile.Sales!;
        Assert.Equal(2, coverage.Orphans.Count);
        Assert.Equal(new OrphanReference("ID Référence produit", "P9", 2, [3, 4]), coverage.Orphans[0], OrphanComparer.Instance);
        Assert.Equal(new OrphanReference("ID Magasin", "7", 1, [5]), coverage.Orphans[1], OrphanComparer.Instance);
        Assert.Equal(["P2"], coverage.ProductsWithoutSales);
        Assert.Equal(["2"], coverage.StoresWithoutSales);
        Assert.Contains("2 sales lines name product 'P9', which the products sheet does not list (lines 3, 4): the import would refuse them.", profile.Findings);
    }

    [Fact]
    public void The_period_counts_days_covered_and_lists_days_without_sales()
    {
        var profile = Profile(null, null, [Sheets.SalesHeader, "2024-01-05,P1,2,1", "2024-01-01,P1,2,1", "3/1/2024,P1,2,1", "25/1/2024,P1,1,1"]);

        var coverage = profile.Sales!;
        Assert.Equal(new DateOnly(2024, 1, 1), coverage.FirstDay);
        Assert.Equal(new DateOnly(2024, 1, 25), coverage.LastDay);
        Assert.Equal(25, coverage.DaysInRange);
        Assert.Equal(4, coverage.DaysCovered);
        Assert.Equal(21, coverage.MissingDays.Count);
        Assert.Equal(new DateOnly(2024, 1, 2), coverage.MissingDays[0]);
        Assert.DoesNotContain(new DateOnly(2024, 1, 3), coverage.MissingDays);
        Assert.Contains(profile.Findings, f => f.Contains("21 days of that period have no sale at all (2 January 2024, 4 January 2024,", StringComparison.Ordinal));
    }

    [Fact]
    public void Days_that_read_both_ways_are_flagged_and_read_day_first()
    {
        var sales = Profile(null, null, [Sheets.SalesHeader, "3/1/2024,P1,2,1", "4/1/2024,P1,2,1"]);

        Assert.NotNull(sales.Sheets[0].DateOrderNote);
        Assert.Equal(new DateOnly(2024, 1, 3), sales.Sales!.FirstDay);
        Assert.Contains(sales.Findings, f => f.Contains("--date-format", StringComparison.Ordinal));
    }

    private static DataSetProfile Profile(string[]? products, string[]? stores, string[]? sales, DateOrder? order = null) =>
        DataSetProfiler.Complete(Feed(SheetKind.Products, products), Feed(SheetKind.Stores, stores), Feed(SheetKind.Sales, sales), order);

    // The header (line 1) is only there to keep line numbers as in a file; columns are in layout order.
    private static SheetProfiler? Feed(SheetKind kind, string[]? lines)
    {
        if (lines is null)
        {
            return null;
        }

        var profiler = new SheetProfiler(kind, kind.ToString().ToLowerInvariant() + ".csv", SaleDayWindow.Unbounded);
        for (var i = 1; i < lines.Length; i++)
        {
            profiler.Add(new Line(i + 1, lines[i]));
        }

        return profiler;
    }

    private sealed class Line(long lineNumber, string text) : ISheetLine
    {
        public long LineNumber => lineNumber;

        public IReadOnlyList<string> Values { get; } = text.Split(',');

        public string RawText => text;

        public Sales.Domain.Parsing.RowError? ReaderRefusal => null;
    }

    private sealed class OrphanComparer : IEqualityComparer<OrphanReference>
    {
        public static readonly OrphanComparer Instance = new();

        public bool Equals(OrphanReference? x, OrphanReference? y) =>
            x is not null && y is not null && x.Column == y.Column && x.Value == y.Value && x.Lines == y.Lines && x.FirstLineNumbers.SequenceEqual(y.FirstLineNumbers);

        public int GetHashCode(OrphanReference obj) => obj.Value.GetHashCode(StringComparison.Ordinal);
    }
}
