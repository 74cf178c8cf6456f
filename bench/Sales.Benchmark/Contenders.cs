using Microsoft.Data.Sqlite;

namespace Sales.Benchmark;

/// <summary>The real host, run as a whole process like a user runs it.</summary>
internal sealed class SalesHost(string hostDll)
{
    public Measurement Import(string database, SheetFiles files, string sales) =>
        Check(MeasuredProcess.Run("dotnet", [hostDll, "import", "--db", database, "--products", files.Products, "--stores", files.Stores, "--sales", sales]));

    /// <summary>Whether the host has the <c>analyze</c> verb (it comes from another change).</summary>
    public bool HasAnalyze() =>
        MeasuredProcess.Run("dotnet", [hostDll, "--help"]).Output.Split('\n').Any(line => line.TrimStart().StartsWith("analyze", StringComparison.Ordinal));

    public Measurement Analyze(string database) => Check(MeasuredProcess.Run("dotnet", [hostDll, "analyze", "--db", database]));

    private static Measurement Check(Measurement run) =>
        run.ExitCode == 0 ? run : throw new InvalidOperationException($"the host failed (exit {run.ExitCode}):\n{run.Output}");
}

/// <summary>
/// The baseline: the sqlite3 shell doing the same job the simplest correct way, an
/// <c>.import</c> into a temporary staging table then one INSERT OR IGNORE numbering identical
/// lines with ROW_NUMBER(), into a table whose unique index is the identity.
/// </summary>
internal sealed class SqliteShellBaseline(string database)
{
    public const string Shell = "sqlite3";

    public string Path => database;

    public void Create()
    {
        DeleteDatabase(database);
        Check(MeasuredProcess.Run(Shell, [database, """
            CREATE TABLE sales (
                sale_date TEXT NOT NULL, product_reference TEXT NOT NULL, store_id INTEGER NOT NULL,
                quantity INTEGER NOT NULL, occurrence INTEGER NOT NULL);
            CREATE UNIQUE INDEX ux_sales_identity ON sales (sale_date, product_reference, store_id, quantity, occurrence);
            """]));
    }

    public Measurement Import(string sales) => Check(MeasuredProcess.Run(Shell, [
        database,
        "CREATE TEMP TABLE staging (sale_date TEXT, product_reference TEXT, quantity INTEGER, store_id INTEGER);",
        $".import --csv --schema temp --skip 1 {sales} staging",
        """
        INSERT OR IGNORE INTO sales (sale_date, product_reference, store_id, quantity, occurrence)
        SELECT sale_date, product_reference, store_id, quantity,
               ROW_NUMBER() OVER (PARTITION BY sale_date, product_reference, quantity, store_id)
        FROM temp.staging;
        """,
    ]));

    public static string Version() => MeasuredProcess.Run(Shell, ["--version"]).Output.Split(' ')[0].Trim();

    public static void DeleteDatabase(string path)
    {
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm", "-journal" })
        {
            File.Delete(path + suffix);
        }
    }

    private static Measurement Check(Measurement run) =>
        run.ExitCode == 0 && run.Output.Trim().Length == 0 ? run : throw new InvalidOperationException($"sqlite3 failed (exit {run.ExitCode}):\n{run.Output}");
}

/// <summary>Reads back what a database holds.</summary>
internal static class StoredSales
{
    public static long Count(string database)
    {
        if (!File.Exists(database))
        {
            return 0;
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sales";
        return (long)command.ExecuteScalar()!;
    }
}

/// <summary>The products and stores sheets every import is given.</summary>
internal sealed record SheetFiles(string Products, string Stores);
