namespace Sales.Benchmark;

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
