using System.Globalization;

namespace Sales.Benchmark;

/// <summary>
/// The PostgreSQL server of the PostgreSQL scenarios, reached with <c>psql</c> at the URI given by
/// <c>--postgres</c> (a database the user may connect to and create databases from): two databases
/// of the benchmark's own, dropped and created afresh, one for ours and one for the baseline.
/// </summary>
internal sealed class PostgresServerUnderTest(string maintenanceUri)
{
    public const string Shell = "psql";

    public string Ours => DatabaseUri("sales_bench_ours");

    public string Baseline => DatabaseUri("sales_bench_baseline");

    public void Recreate()
    {
        foreach (var name in new[] { "sales_bench_ours", "sales_bench_baseline" })
        {
            Psql(maintenanceUri, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            Psql(maintenanceUri, $"CREATE DATABASE {name}");
        }
    }

    public static long Count(string databaseUri) =>
        long.Parse(Psql(databaseUri, "SELECT COUNT(*) FROM sales").Trim(), CultureInfo.InvariantCulture);

    public string Version() => Psql(maintenanceUri, "SHOW server_version").Trim();

    public static string Psql(string databaseUri, string sql)
    {
        var run = MeasuredProcess.Run(Shell, ["-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-d", databaseUri, "-c", sql]);
        return run.ExitCode == 0 ? run.Output : throw new InvalidOperationException($"psql failed (exit {run.ExitCode}): {sql}\n{run.Output}");
    }

    // The URI with its database replaced: the part after the authority's first '/'.
    private string DatabaseUri(string name)
    {
        var authority = maintenanceUri.IndexOf('/', maintenanceUri.IndexOf("://", StringComparison.Ordinal) + 3);
        var query = maintenanceUri.IndexOf('?', StringComparison.Ordinal);
        return (authority < 0 ? maintenanceUri : maintenanceUri[..authority]) + "/" + name + (query < 0 ? string.Empty : maintenanceUri[query..]);
    }
}

/// <summary>
/// The PostgreSQL baseline: psql doing the same job the simplest correct way, a <c>\copy</c> into a
/// temporary staging table then one INSERT numbering identical lines with ROW_NUMBER() ... ON
/// CONFLICT DO NOTHING, into a table keyed by the identity.
/// </summary>
internal sealed class PsqlBaseline(string databaseUri)
{
    public string Uri => databaseUri;

    public void Create() => PostgresServerUnderTest.Psql(databaseUri, """
        CREATE TABLE sales (
            sale_date date NOT NULL, product_reference text NOT NULL, store_id integer NOT NULL,
            quantity integer NOT NULL, occurrence integer NOT NULL,
            PRIMARY KEY (sale_date, product_reference, store_id, quantity, occurrence))
        """);

    public Measurement Import(string sales)
    {
        var run = MeasuredProcess.Run(PostgresServerUnderTest.Shell, ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", databaseUri], $"""
            CREATE TEMP TABLE staging (sale_date date, product_reference text, quantity integer, store_id integer);
            \copy staging FROM '{sales}' WITH (FORMAT csv, HEADER true)
            INSERT INTO sales (sale_date, product_reference, store_id, quantity, occurrence)
            SELECT sale_date, product_reference, store_id, quantity,
                   ROW_NUMBER() OVER (PARTITION BY sale_date, product_reference, store_id, quantity)
            FROM staging
            ON CONFLICT DO NOTHING;

            """);
        return run.ExitCode == 0 && run.Output.Trim().Length == 0 ? run : throw new InvalidOperationException($"psql failed (exit {run.ExitCode}):\n{run.Output}");
    }
}
