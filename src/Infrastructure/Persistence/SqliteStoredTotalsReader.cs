using Dapper;
using Sales.Application.Abstractions;
using Sales.Application.Import;
using Sales.Domain;

namespace Sales.Infrastructure.Persistence;

/// <summary>Totals of the stored rows; revenue is summed in integer cents so it is exact.</summary>
internal sealed class SqliteStoredTotalsReader(SqliteDatabase database) : IStoredTotalsReader
{
    public async Task<StoredTotals> ReadAsync(CancellationToken cancellationToken)
    {
        // A consumer may ask before any import: the schema is created so that the answer is zeros.
        await database.EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var row = await connection.QuerySingleAsync<(long Products, long Stores, long SalesLines, long UnitsSold, long RevenueCents)>(
                new CommandDefinition("""
                    SELECT (SELECT COUNT(*) FROM products),
                           (SELECT COUNT(*) FROM stores),
                           COUNT(*),
                           COALESCE(SUM(quantity), 0),
                           COALESCE(SUM(quantity * unit_price_cents), 0)
                    FROM sales
                    """, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return new StoredTotals(row.Products, row.Stores, row.SalesLines, row.UnitsSold, Money.FromCents(row.RevenueCents));
        }
    }
}
