using System.Globalization;
using System.Text;

namespace Sales.Tests;

/// <summary>
/// The client's three sheets as CSV text, each header written once here (the headers of samples/*.csv).
/// Linked into the unit and the integration tests.
/// </summary>
internal static class Sheets
{
    public const string ProductsHeader = "Nom,ID Référence produit,Prix,Stock";

    public const string StoresHeader = "ID Magasin,Ville,Nombre de salariés";

    public const string SalesHeader = "Date,ID Référence produit,Quantité,ID Magasin";

    /// <summary>Products REF001 and REF002, which the tests' sales lines name.</summary>
    public static readonly string TwoProducts = Products("Produit A,REF001,49.99,100", "Produit B,REF002,19.99,50");

    /// <summary>Stores 1 and 2, which the tests' sales lines name.</summary>
    public static readonly string TwoStores = Stores("1,Paris,10", "2,Marseille,5");

    /// <summary>A products sheet: the header, then each line, every line ending with a line feed.</summary>
    public static string Products(params string[] lines) => Sheet(ProductsHeader, lines);

    /// <summary>A stores sheet: the header, then each line, every line ending with a line feed.</summary>
    public static string Stores(params string[] lines) => Sheet(StoresHeader, lines);

    /// <summary>A sales sheet: the header, then each line, every line ending with a line feed.</summary>
    public static string Sales(params string[] lines) => Sheet(SalesHeader, lines);

    /// <summary>A sales sheet of <paramref name="count"/> lines starting at <paramref name="first"/>, all distinct, naming <see cref="TwoProducts"/> and <see cref="TwoStores"/>.</summary>
    public static string DistinctSales(int count, int first = 0)
    {
        var text = new StringBuilder(Sales());
        for (var i = first; i < first + count; i++)
        {
            // Distinct by (day, quantity): 1000 quantities per day over enough days.
            var day = new DateOnly(2020, 1, 1).AddDays(i / 1000);
            text.Append(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd},REF00{1 + (i % 2)},{1 + (i % 1000)},{1 + (i % 2)}\n");
        }

        return text.ToString();
    }

    private static string Sheet(string header, string[] lines) => header + "\n" + string.Concat(lines.Select(line => line + "\n"));
}
