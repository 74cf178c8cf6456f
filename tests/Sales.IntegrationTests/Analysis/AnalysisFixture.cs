using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Analysis;

/// <summary>
/// The small fixture whose figures are computed by hand in <see cref="AnalysisFiguresTests"/>: 3 products,
/// 4 stores (two in Paris, one without employees), 6 sales lines over 2024-01-01..03 with no sale on the 2nd.
/// </summary>
internal static class AnalysisFixture
{
    public static readonly string Products = Sheets.Products(
        "Alpha,P1,10.00,31",
        "Beta,P2,2.45,0",
        "Gamma,P3,1.99,7");

    public static readonly string Stores = Sheets.Stores(
        "1,Paris,4",
        "2,Lyon,3",
        "3,Paris,2",
        "4,Nice,0");

    public static readonly string Sales = Sheets.Sales(
        "2024-01-01,P1,2,1",
        "2024-01-01,P2,4,2",
        "2024-01-03,P2,2,1",
        "2024-01-03,P1,1,3",
        "2024-01-01,P1,2,1",
        "2024-01-03,P1,4,2");

    /// <summary>A new workspace with the fixture written under the client's names, ready for <see cref="Workspace.ImportAsync()"/>.</summary>
    public static Workspace NewWorkspace()
    {
        var workspace = new Workspace();
        workspace.Write("produits.csv", Products);
        workspace.Write("magasins.csv", Stores);
        workspace.Write("ventes.csv", Sales);
        return workspace;
    }
}
