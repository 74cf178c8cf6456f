using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Analysis;

[Trait("Category", "Slow")]
public sealed class ProfileVerbTests : IDisposable
{
    private readonly Workspace _workspace = AnalysisFixture.NewWorkspace();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Profile_reports_each_known_defect_and_writes_nothing_to_a_database()
    {
        // Defects: an unreadable price (line 3), a negative stock (line 4), a repeated product line (line 5),
        // a blank city (line 3), a repeated sales line (line 3), an unknown product (line 4), an unknown
        // store (line 5), a bad quantity (line 6), and no sale on 2024-01-02.
        var products = _workspace.Write("bad-products.csv", Sheets.Products("Alpha,P1,10.00,31", "Beta,P2,abc,0", "Gamma,P3,1.99,-2", "Alpha,P1,10.00,31"));
        var stores = _workspace.Write("bad-stores.csv", Sheets.Stores("1,Paris,4", "2,,3"));
        var sales = _workspace.Write("bad-sales.csv",
            Sheets.Sales("2024-01-01,P1,2,1", "2024-01-01,P1,2,1", "2024-01-03,P9,1,1", "2024-01-03,P1,1,7", "2024-01-03,P1,x,1"));
        var outDirectory = Path.Combine(_workspace.Directory, "profile");

        var result = await _workspace.RunHostAsync("profile", "--products", products, "--stores", stores, "--sales", sales, "--out", outDirectory);

        Assert.True(result.ExitCode == 0, result.Error);
        var report = await File.ReadAllTextAsync(Path.Combine(outDirectory, "profile.md"));
        foreach (var expected in new[]
        {
            "Column 'Prix' of the products sheet has 1 value the import would refuse, with its line (line 3: 'abc' is not an amount)",
            "Column 'Stock' of the products sheet has 1 value the import would refuse, with its line (line 4: stock must not be negative, got -2)",
            "1 line of the products sheet repeats an earlier line exactly (e.g. line 5 repeats line 2",
            "Column 'Ville' of the stores sheet has 1 value the import would refuse, with its line (line 3: value is missing)",
            "1 line of the sales sheet repeats an earlier line exactly (e.g. line 3 repeats line 2",
            "1 sales line names product 'P9', which the products sheet does not list (line 4)",
            "1 sales line names store '7', which the stores sheet does not list (line 5)",
            "Column 'Quantité' of the sales sheet has 1 value the import would refuse, with its line (line 6: 'x' is not a whole number)",
            "1 day of that period has no sale at all (2 January 2024)",
            "| Prix | amount 0.00 to 10,000.00, 2 decimals | mixed: 3 decimal, 1 text | 4 | 0 | 3 | 1.99 | 10.00 |",
            "| Quantité | whole number 1 to 1,000 |",
            "| Date | date 2000-01-01 to ",
        })
        {
            Assert.Contains(expected, report, StringComparison.Ordinal);
        }

        Assert.Contains("What the data says", result.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_workspace.Directory, "*.db"));
    }

    [Fact]
    public async Task Profile_of_the_client_extract_finds_no_defect()
    {
        var samples = Path.Combine(Repository.Root, "samples");
        var result = await _workspace.RunHostAsync("profile",
            "--products", Path.Combine(samples, "produits.csv"), "--stores", Path.Combine(samples, "magasins.csv"), "--sales", Path.Combine(samples, "ventes.csv"));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("No defect found", result.Output, StringComparison.Ordinal);
        Assert.Contains("The sales run from 27 May 2023 to 25 June 2023, 30 days, and every one of them has at least one sale.", result.Output, StringComparison.Ordinal);
    }
}
