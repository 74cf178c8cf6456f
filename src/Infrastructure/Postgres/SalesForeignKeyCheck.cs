using Dapper;
using Npgsql;

namespace Sales.Infrastructure.Postgres;

/// <summary>
/// Checks the foreign keys of the sales about to be copied once for the whole set, instead of
/// PostgreSQL's row trigger per inserted row per key, which is most of a first import's time
/// (docs/decisions/0040-postgresql-set-based-foreign-keys.md). The constraints stay in the schema:
/// the check locks every referenced row <c>FOR KEY SHARE</c> until the import commits, as the row
/// triggers do, and then turns the row triggers off for the one <c>COPY</c> only, with
/// <c>session_replication_role = replica</c>. When the role may not set that, when a trigger or rule
/// of someone else's is on <c>sales</c> (it must still see every row), or when a reference is
/// missing, nothing is turned off and the row triggers check (and refuse) as always.
/// </summary>
internal static class SalesForeignKeyCheck
{
    /// <summary>True when the row triggers are off until <see cref="RestoreRowChecks"/>.</summary>
    public static bool TryCheckSetBased(NpgsqlConnection connection, NpgsqlTransaction transaction, NewSales fresh, long importId)
    {
        if (HasOtherTriggersOrRules(connection, transaction) || !TrySuspendRowChecks(transaction))
        {
            return false;
        }

        var found = Locked(connection, transaction, "SELECT reference FROM products WHERE reference = ANY(@keys) FOR KEY SHARE", fresh.References.ToArray())
            + Locked(connection, transaction, "SELECT id FROM stores WHERE id = ANY(@keys) FOR KEY SHARE", fresh.StoreIds.ToArray())
            + Locked(connection, transaction, "SELECT id FROM imports WHERE id = ANY(@keys) FOR KEY SHARE", new[] { importId });
        if (found == fresh.References.Count + fresh.StoreIds.Count + 1)
        {
            return true;
        }

        RestoreRowChecks(connection, transaction);
        return false;
    }

    public static void RestoreRowChecks(NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        connection.Execute("SET LOCAL session_replication_role = origin", transaction: transaction);

    private static bool HasOtherTriggersOrRules(NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        connection.ExecuteScalar<bool>("""
            SELECT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = 'sales'::regclass AND NOT tgisinternal)
                OR EXISTS (SELECT 1 FROM pg_rewrite WHERE ev_class = 'sales'::regclass)
            """, transaction: transaction);

    // Setting it needs superuser or, from PostgreSQL 15, GRANT SET ON PARAMETER session_replication_role:
    // refused, the savepoint keeps the import's transaction usable.
    private static bool TrySuspendRowChecks(NpgsqlTransaction transaction)
    {
        transaction.Save("row_checks");
        try
        {
            transaction.Connection!.Execute("SET LOCAL session_replication_role = replica", transaction: transaction);
            transaction.Release("row_checks");
            return true;
        }
        catch (PostgresException refused) when (refused.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            transaction.Rollback("row_checks");
            return false;
        }
    }

    private static int Locked<TKey>(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, TKey[] keys) =>
        connection.Query<TKey>(sql, new { keys }, transaction).Count();
}
