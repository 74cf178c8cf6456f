using Microsoft.Data.Sqlite;

namespace Sales.Benchmark;

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
