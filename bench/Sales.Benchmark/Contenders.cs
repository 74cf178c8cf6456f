using Microsoft.Data.Sqlite;

namespace Sales.Benchmark;

/// <summary>The real host, run as a whole process like a user runs it.</summary>
internal sealed class SalesHost(string hostDll)
{
    public Measurement Import(string database, SheetFiles files, string sales) =>
        Check(MeasuredProcess.Run("dotnet", [hostDll, "import", "--db", database, "--products", files.Products, "--stores", files.Stores, "--sales", sales]));

    public Measurement Analyze(string database) => Check(MeasuredProcess.Run("dotnet", [hostDll, "analyze", "--db", database]));

    private static Measurement Check(Measurement run) =>
        run.ExitCode == 0 ? run : throw new InvalidOperationException($"the host failed (exit {run.ExitCode}):\n{run.Output}");
}

/// <summary>
/// The baseline: the sqlite3 shell doing the same job the simplest correct way, an
/// <c>.import</c> into a temporary staging table then one INSERT OR IGNORE numbering identical
/// lines with ROW_NUMBER(), into a table whose unique index is the identity. Its database is in
/// WAL mode and every import runs with <c>synchronous=NORMAL</c>: the durability settings of ours.
/// </summary>
internal sealed class SqliteShellBaseline(string database)
{
    public const string Shell = "sqlite3";

    /// <summary>The settings both the baseline and the floor run with, those of our import.</summary>
    public const string Durability = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";

    public string Path => database;

    public void Create()
    {
        DeleteDatabase(database);
        Shell3.Run(database, expectedOutput: "wal", Durability, """
            CREATE TABLE sales (
                sale_date TEXT NOT NULL, product_reference TEXT NOT NULL, store_id INTEGER NOT NULL,
                quantity INTEGER NOT NULL, occurrence INTEGER NOT NULL);
            CREATE UNIQUE INDEX ux_sales_identity ON sales (sale_date, product_reference, store_id, quantity, occurrence);
            """);
    }

    public Measurement Import(string sales) => Shell3.Run(database, expectedOutput: "wal",
        Durability,
        "CREATE TEMP TABLE staging (sale_date TEXT, product_reference TEXT, quantity INTEGER, store_id INTEGER);",
        $".import --csv --schema temp --skip 1 {sales} staging",
        """
        INSERT OR IGNORE INTO sales (sale_date, product_reference, store_id, quantity, occurrence)
        SELECT sale_date, product_reference, store_id, quantity,
               ROW_NUMBER() OVER (PARTITION BY sale_date, product_reference, quantity, store_id)
        FROM temp.staging;
        """);

    public static string Version() => MeasuredProcess.Run(Shell, ["--version"]).Output.Split(' ')[0].Trim();

    public static void DeleteDatabase(string path)
    {
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm", "-journal" })
        {
            File.Delete(path + suffix);
        }
    }
}

/// <summary>
/// The floor: the sqlite3 shell's bare <c>.import</c> of the sales file into a new keyless table,
/// with the same durability settings: no dedup, no key, no check. Nothing gets this CSV into SQLite faster.
/// </summary>
internal sealed class SqliteShellFloor(string database)
{
    public string Path => database;

    public Measurement Import(string sales)
    {
        SqliteShellBaseline.DeleteDatabase(database);
        return Shell3.Run(database, expectedOutput: "wal",
            SqliteShellBaseline.Durability,
            "CREATE TABLE sales (sale_date TEXT, product_reference TEXT, quantity INTEGER, store_id INTEGER);",
            $".import --csv --skip 1 {sales} sales");
    }
}

/// <summary>Runs the sqlite3 shell on a database, one argument per statement or dot-command.</summary>
internal static class Shell3
{
    public static Measurement Run(string database, string expectedOutput, params string[] commands)
    {
        var run = MeasuredProcess.Run(SqliteShellBaseline.Shell, [database, .. commands]);
        return run.ExitCode == 0 && run.Output.Trim() == expectedOutput
            ? run
            : throw new InvalidOperationException($"sqlite3 failed (exit {run.ExitCode}):\n{run.Output}");
    }
}

/// <summary>Reads back what a database holds.</summary>
internal static class StoredSales
{
    public static long Count(string database) => File.Exists(database) ? Scalar(database, "SELECT COUNT(*) FROM sales") : 0;

    /// <summary>
    /// Checks what <c>analyze</c> stored against the sales themselves, to the cent: the total, and
    /// the sums of the by-product, by-store and by-day revenues.
    /// </summary>
    public static long CheckAnalyses(string database)
    {
        var expected = Scalar(database, "SELECT SUM(quantity * unit_price_cents) FROM sales");
        foreach (var view in new[] { "latest_total_revenue", "latest_revenue_by_product", "latest_revenue_by_store", "latest_revenue_by_day" })
        {
            var found = Scalar(database, $"SELECT SUM(revenue_cents) FROM {view}");
            if (found != expected)
            {
                throw new InvalidOperationException($"analyze: {view} sums to {found} cents, the sales to {expected}");
            }
        }

        return expected;
    }

    private static long Scalar(string database, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}

/// <summary>The products and stores sheets every import is given.</summary>
internal sealed record SheetFiles(string Products, string Stores);
