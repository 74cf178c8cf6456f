using System.Globalization;

namespace Sales.Benchmark;

/// <summary>Generates the files, runs the scenarios in order and checks the stored counts.</summary>
internal sealed class BenchmarkRun(BenchmarkOptions options)
{
    private readonly List<ScenarioResult> _results = [];

    public IReadOnlyList<ScenarioResult> Run()
    {
        Directory.CreateDirectory(options.WorkDirectory);
        var files = new SheetFiles(Work("produits.csv"), Work("magasins.csv"));
        SalesFileGenerator.WriteProducts(files.Products);
        SalesFileGenerator.WriteStores(files.Stores);
        var host = new SalesHost(options.Host);

        if (options.Runs("first"))
        {
            RunFirstAgainGrown(host, files);
        }

        if (options.Postgres is not null && options.Runs("pg-first"))
        {
            RunPostgres(host, files, options.Postgres);
        }

        if (options.Runs("large"))
        {
            RunLarge(host, files);
        }

        return _results;
    }

    // first, then again and grown on the same database, then analyze on what they stored.
    private void RunFirstAgainGrown(SalesHost host, SheetFiles files)
    {
        var sales = Work($"ventes-{options.Lines}.csv");
        var grown = Work($"ventes-{options.Lines}+{options.GrowLines}.csv");
        GenerateSales(sales, grown, options.Lines, options.GrowLines);

        var ours = Work("ours.db");
        var baseline = new SqliteShellBaseline(Work("baseline.db"));
        SqliteShellBaseline.DeleteDatabase(ours);
        baseline.Create();
        var headerOnly = Work("ventes-empty.csv");
        File.WriteAllText(headerOnly, "Date,ID Référence produit,Quantité,ID Magasin\n");
        host.Import(ours, files, headerOnly);

        Time("first", host, baseline, ours, files, sales, options.Lines, expectedNew: options.Lines);
        AddFloor(sales, options.Lines);
        if (options.Runs("again"))
        {
            Time("again", host, baseline, ours, files, sales, options.Lines, expectedNew: 0);
        }

        if (options.Runs("grown"))
        {
            Time("grown", host, baseline, ours, files, grown, options.Lines + options.GrowLines, expectedNew: options.GrowLines);
        }

        if (options.Runs("analyze"))
        {
            Analyze(host, ours);
        }
    }

    private void RunLarge(SalesHost host, SheetFiles files)
    {
        var sales = Work($"ventes-{options.LargeLines}.csv");
        GenerateSales(sales, null, options.LargeLines, 0);
        var ours = Work("ours-large.db");
        var baseline = new SqliteShellBaseline(Work("baseline-large.db"));
        SqliteShellBaseline.DeleteDatabase(ours);
        baseline.Create();
        Time("large", host, baseline, ours, files, sales, options.LargeLines, expectedNew: options.LargeLines);
        AddFloor(sales, options.LargeLines);
    }

    private void Time(string scenario, SalesHost host, SqliteShellBaseline baseline, string ours, SheetFiles files, string sales, long lines, long expectedNew)
    {
        Console.Write(string.Create(CultureInfo.InvariantCulture, $"{scenario,-8} {lines,10:N0} lines: ours "));
        var before = StoredSales.Count(ours);
        var run = host.Import(ours, files, sales);
        var stored = StoredSales.Count(ours) - before;
        Console.Write(string.Create(CultureInfo.InvariantCulture, $"{run.Elapsed.TotalSeconds,6:0.00} s, baseline "));
        var baselineBefore = StoredSales.Count(baseline.Path);
        var reference = baseline.Import(sales);
        var baselineStored = StoredSales.Count(baseline.Path) - baselineBefore;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{reference.Elapsed.TotalSeconds,6:0.00} s"));
        if (stored != expectedNew || baselineStored != expectedNew)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{scenario}: expected {expectedNew} new sales, ours stored {stored}, the baseline {baselineStored}"));
        }

        _results.Add(new ScenarioResult(scenario, lines, stored, run, reference));
    }

    // The same files on PostgreSQL: ours through the host's --db URI, the baseline through psql.
    private void RunPostgres(SalesHost host, SheetFiles files, string serverUri)
    {
        var sales = Work($"ventes-{options.Lines}.csv");
        var grown = Work($"ventes-{options.Lines}+{options.GrowLines}.csv");
        GenerateSales(sales, grown, options.Lines, options.GrowLines);
        var server = new PostgresServerUnderTest(serverUri);
        server.Recreate();
        var baseline = new PsqlBaseline(server.Baseline);
        baseline.Create();
        var headerOnly = Work("ventes-empty.csv");
        File.WriteAllText(headerOnly, "Date,ID Référence produit,Quantité,ID Magasin\n");
        host.Import(server.Ours, files, headerOnly);

        TimePostgres("pg-first", host, baseline, server.Ours, files, sales, options.Lines, expectedNew: options.Lines);
        if (options.Runs("pg-again"))
        {
            TimePostgres("pg-again", host, baseline, server.Ours, files, sales, options.Lines, expectedNew: 0);
        }

        if (options.Runs("pg-grown"))
        {
            TimePostgres("pg-grown", host, baseline, server.Ours, files, grown, options.Lines + options.GrowLines, expectedNew: options.GrowLines);
        }
    }

    private void TimePostgres(string scenario, SalesHost host, PsqlBaseline baseline, string ours, SheetFiles files, string sales, long lines, long expectedNew)
    {
        Console.Write(string.Create(CultureInfo.InvariantCulture, $"{scenario,-8} {lines,10:N0} lines: ours "));
        var before = PostgresServerUnderTest.Count(ours);
        var run = host.Import(ours, files, sales);
        var stored = PostgresServerUnderTest.Count(ours) - before;
        Console.Write(string.Create(CultureInfo.InvariantCulture, $"{run.Elapsed.TotalSeconds,6:0.00} s, psql "));
        var baselineBefore = PostgresServerUnderTest.Count(baseline.Uri);
        var reference = baseline.Import(sales);
        var baselineStored = PostgresServerUnderTest.Count(baseline.Uri) - baselineBefore;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{reference.Elapsed.TotalSeconds,6:0.00} s"));
        if (stored != expectedNew || baselineStored != expectedNew)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{scenario}: expected {expectedNew} new sales, ours stored {stored}, psql {baselineStored}"));
        }

        _results.Add(new ScenarioResult(scenario, lines, stored, run, reference));
    }

    // The whole process, on the database grown leaves; its results are checked against the sales to the cent.
    private void Analyze(SalesHost host, string ours)
    {
        var run = host.Analyze(ours);
        var revenue = StoredSales.CheckAnalyses(ours);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"analyze  ours {run.Elapsed.TotalSeconds,6:0.00} s, revenue {revenue / 100m:N2} checked"));
        _results.Add(new ScenarioResult("analyze", StoredSales.Count(ours), 0, run, null));
    }

    // The bare .import of the same file, right after the scenario it is the floor of.
    private void AddFloor(string sales, long lines)
    {
        var floor = new SqliteShellFloor(Work("floor.db"));
        var run = floor.Import(sales);
        var stored = StoredSales.Count(floor.Path);
        SqliteShellBaseline.DeleteDatabase(floor.Path);
        if (stored != lines)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"floor: expected {lines} rows, .import stored {stored}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"floor    {lines,10:N0} lines: sqlite3 .import {run.Elapsed.TotalSeconds,6:0.00} s"));
        _results[^1] = _results[^1] with { Floor = run };
    }

    // The grown file is the sales file with lines appended, generated by the same random sequence.
    private static void GenerateSales(string sales, string? grown, long lines, long growLines)
    {
        if (File.Exists(sales) && (grown is null || File.Exists(grown)))
        {
            return;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generating {lines:N0} sales lines in {sales}"));
        var generator = new SalesFileGenerator(seed: 20230101);
        using (var writer = new StreamWriter(sales + ".tmp", false, new System.Text.UTF8Encoding(false), 1 << 16))
        {
            generator.WriteSales(writer, lines, header: true);
        }

        if (grown is not null)
        {
            File.Copy(sales + ".tmp", grown + ".tmp", overwrite: true);
            using (var writer = new StreamWriter(grown + ".tmp", append: true, new System.Text.UTF8Encoding(false), 1 << 16))
            {
                generator.WriteSales(writer, growLines, header: false);
            }

            File.Move(grown + ".tmp", grown, overwrite: true);
        }

        File.Move(sales + ".tmp", sales, overwrite: true);
    }

    private string Work(string name) => Path.Combine(options.WorkDirectory, name);
}
