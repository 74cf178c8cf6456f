namespace Sales.Benchmark;

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
