using System.Globalization;
using System.Text;

namespace Sales.Benchmark;

/// <summary>
/// Writes the three sheets of a synthetic client, always the same for the same seed: 500 products,
/// 50 stores, and sales lines spread over a year with quantities 1..9, some of them exact copies of
/// an earlier line (two identical lines are two sales, so every line is a distinct identity).
/// </summary>
internal sealed class SalesFileGenerator(int seed)
{
    public const int Products = 500;
    public const int Stores = 50;
    private const int Days = 365;
    private const double RepeatRate = 0.02;
    private static readonly DateOnly FirstDay = new(2023, 1, 1);

    private readonly Random _random = new(seed);
    private readonly List<string> _recent = new(1024);

    /// <summary>Lines written that copy an earlier line exactly.</summary>
    public long RepeatedLines { get; private set; }

    public static void WriteProducts(string path)
    {
        var random = new Random(1);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine("Nom,ID Référence produit,Prix,Stock");
        for (var p = 1; p <= Products; p++)
        {
            var cents = random.Next(100, 20_000);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Produit {p},{Reference(p)},{cents / 100}.{cents % 100:00},{random.Next(0, 1000)}"));
        }
    }

    public static void WriteStores(string path)
    {
        var random = new Random(2);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine("ID Magasin,Ville,Nombre de salariés");
        for (var s = 1; s <= Stores; s++)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s},Ville {s},{random.Next(2, 40)}"));
        }
    }

    /// <summary>Writes <paramref name="lines"/> sales lines, after a header when <paramref name="header"/>.</summary>
    public void WriteSales(TextWriter writer, long lines, bool header)
    {
        if (header)
        {
            writer.Write("Date,ID Référence produit,Quantité,ID Magasin\n");
        }

        for (long i = 0; i < lines; i++)
        {
            writer.Write(NextLine());
            writer.Write('\n');
        }
    }

    private string NextLine()
    {
        if (_recent.Count > 0 && _random.NextDouble() < RepeatRate)
        {
            RepeatedLines++;
            return _recent[_random.Next(_recent.Count)];
        }

        var day = FirstDay.AddDays(_random.Next(Days));
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{day:yyyy-MM-dd},{Reference(_random.Next(1, Products + 1))},{_random.Next(1, 10)},{_random.Next(1, Stores + 1)}");
        if (_recent.Count < _recent.Capacity)
        {
            _recent.Add(line);
        }
        else
        {
            _recent[_random.Next(_recent.Count)] = line;
        }

        return line;
    }

    private static string Reference(int product) => string.Create(CultureInfo.InvariantCulture, $"REF{product:0000}");
}
