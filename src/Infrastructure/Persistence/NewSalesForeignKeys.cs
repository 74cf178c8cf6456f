using Microsoft.Data.Sqlite;

namespace Sales.Infrastructure.Persistence;

/// <summary>
/// The foreign keys of the new sales lines of an import, checked once per distinct product and
/// store instead of three lookups per line (docs/decisions/0044-sqlite-set-based-foreign-keys-of-new-sales.md).
/// The lookups are the ones SQLite's enforcement makes (the parent's key, the bound value as it is),
/// run inside the import's write transaction, so no other connection can change the parents until it ends.
/// </summary>
internal sealed class NewSalesForeignKeys
{
    // Each distinct reference is one byte array (SaleTexts), so the array itself identifies it.
    private readonly HashSet<byte[]> _references = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<long> _storeIds = [];
    private byte[]? _lastReference;

    public void Add(in NewSaleRow row)
    {
        if (!ReferenceEquals(row.Reference, _lastReference))
        {
            _references.Add(row.Reference);
            _lastReference = row.Reference;
        }

        _storeIds.Add(row.StoreId);
    }

    /// <summary>Refuses, as SQLite's own enforcement would, when a product, store or the import is not stored.</summary>
    /// <exception cref="SqliteException">A referenced row is missing (FOREIGN KEY constraint failed).</exception>
    public void Check(SqliteConnection connection, long importId)
    {
        if (_references.Count == 0)
        {
            return;
        }

        using var product = new RawStatement(connection, "SELECT 1 FROM products WHERE reference = ?1");
        using var store = new RawStatement(connection, "SELECT 1 FROM stores WHERE id = ?1");
        var allFound = ImportExists(connection, importId)
            && _references.All(reference => Exists(product, reference))
            && _storeIds.All(id => Exists(store, id));
        if (!allFound)
        {
            throw ForeignKeyViolation.Create();
        }
    }

    /// <summary>Whether the import's own row is stored (every row an import writes refers to it).</summary>
    private static bool ImportExists(SqliteConnection connection, long importId)
    {
        using var import = new RawStatement(connection, "SELECT 1 FROM imports WHERE id = ?1");
        import.Bind(1, importId);
        return import.HasRow();
    }

    private static bool Exists(RawStatement lookup, byte[] reference)
    {
        lookup.Bind(1, reference);
        return lookup.HasRow();
    }

    private static bool Exists(RawStatement lookup, long id)
    {
        lookup.Bind(1, id);
        return lookup.HasRow();
    }
}
