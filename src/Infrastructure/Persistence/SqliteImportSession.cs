using Dapper;
using Microsoft.Data.Sqlite;
using Sales.Application.Abstractions;
using Sales.Application.Import;
using Sales.Domain;
using Sales.Domain.Limits;
using Sales.Domain.Sheets;

namespace Sales.Infrastructure.Persistence;

/// <summary>
/// One import's <c>BEGIN IMMEDIATE</c> transaction: products and stores upserted, new sales inserted,
/// the import logged; rolled back unless committed. <paramref name="storedKeys"/>: the stored sales'
/// identities read ahead, proven to be what this transaction sees (<see cref="StoredSalesReadAhead"/>), or null.
/// </summary>
internal sealed class SqliteImportSession(SqliteConnection connection, SqliteTransaction transaction, long importId, StoredKeys? storedKeys) : IImportSession
{
    private StoredKeys? _storedKeys = storedKeys;
    private bool _committed;
    private bool _foreignKeysRefused;

    public long ImportId => importId;

    /// <summary>Whether the merge will use keys read ahead rather than read the database (for tests).</summary>
    internal bool HasKeysReadAhead => _storedKeys is not null;

    public async Task<UpsertCounts> UpsertProductsAsync(IReadOnlyCollection<Product> products, CancellationToken cancellationToken)
    {
        var stored = (await connection.QueryAsync<(string Reference, string Name, long UnitPriceCents, long Stock)>(
            "SELECT reference, name, unit_price_cents, stock FROM products", transaction: transaction).ConfigureAwait(false))
            .ToDictionary(p => p.Reference, p => new Product(p.Reference, p.Name, Money.FromCents(p.UnitPriceCents), (int)p.Stock), StringComparer.Ordinal);
        return await UpsertAsync(products, p => p.Reference, stored, """
            INSERT INTO products (reference, name, unit_price_cents, stock, created_import_id, updated_import_id)
            VALUES (@Reference, @Name, @UnitPriceCents, @Stock, @ImportId, @ImportId)
            ON CONFLICT (reference) DO UPDATE SET
                name = excluded.name, unit_price_cents = excluded.unit_price_cents,
                stock = excluded.stock, updated_import_id = excluded.updated_import_id
            """, p => new { p.Reference, p.Name, UnitPriceCents = Money.ToCents(p.UnitPrice), p.Stock, ImportId = importId }).ConfigureAwait(false);
    }

    public async Task<UpsertCounts> UpsertStoresAsync(IReadOnlyCollection<Store> stores, CancellationToken cancellationToken)
    {
        var stored = (await connection.QueryAsync<(long Id, string City, long Employees)>(
            "SELECT id, city, employees FROM stores", transaction: transaction).ConfigureAwait(false))
            .ToDictionary(s => (int)s.Id, s => new Store((int)s.Id, s.City, (int)s.Employees));
        return await UpsertAsync(stores, s => s.Id, stored, """
            INSERT INTO stores (id, city, employees, created_import_id, updated_import_id)
            VALUES (@Id, @City, @Employees, @ImportId, @ImportId)
            ON CONFLICT (id) DO UPDATE SET
                city = excluded.city, employees = excluded.employees, updated_import_id = excluded.updated_import_id
            """, s => new { s.Id, s.City, s.Employees, ImportId = importId }).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, decimal>> GetProductPricesAsync(CancellationToken cancellationToken) =>
        (await connection.QueryAsync<(string Reference, long UnitPriceCents)>(
            "SELECT reference, unit_price_cents FROM products", transaction: transaction).ConfigureAwait(false))
        .ToDictionary(p => p.Reference, p => Money.FromCents(p.UnitPriceCents), StringComparer.Ordinal);

    public async Task<IReadOnlySet<int>> GetStoreIdsAsync(CancellationToken cancellationToken) =>
        (await connection.QueryAsync<long>("SELECT id FROM stores", transaction: transaction).ConfigureAwait(false)).Select(id => (int)id).ToHashSet();

    public Task<SalesInsertCounts> InsertNewSalesAsync(IEnumerable<PricedSale> sales, CancellationToken cancellationToken)
    {
        var texts = new SaleTexts();
        var merged = StoredIdentityMerge.Run(connection, _storedKeys, sales, texts, cancellationToken);
        _storedKeys = null;
        if (merged.AllStored)
        {
            // A re-import of a stored sheet: no second pass over the sales, nothing to insert or check.
            return Task.FromResult(new SalesInsertCounts(0, merged.StoredNotInSheet));
        }

        // In identity order, so that the sales B-tree grows at its end. The connection does not
        // enforce foreign keys (SqliteImportStore): they are checked here once per distinct key.
        var foreignKeys = new NewSalesForeignKeys();
        using var insert = new NewSalesInsert(connection, importId);
        foreach (var sale in merged.NewSales ?? NotStored(sales, merged.Stored))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var content = sale.Identity.Content;
            var row = new NewSaleRow(texts.Day(content.Date), texts.Reference(content.ProductReference),
                content.StoreId, content.Quantity, sale.Identity.Occurrence, Money.ToCents(sale.UnitPrice));
            foreignKeys.Add(row);
            insert.Add(row);
        }

        var inserted = insert.Finish();
        CheckForeignKeys(foreignKeys);
        return Task.FromResult(new SalesInsertCounts(inserted, merged.StoredNotInSheet));
    }

    // The second pass, when the merge found too many new sales to keep them.
    private static IEnumerable<PricedSale> NotStored(IEnumerable<PricedSale> sales, StoredPositions stored)
    {
        var position = 0;
        foreach (var sale in sales)
        {
            if (!stored.IsStored(position++))
            {
                yield return sale;
            }
        }
    }

    public async Task RecordRejectedAsync(SheetKind kind, string source, IEnumerable<RejectedLine> lines, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync("""
            INSERT INTO rejected_lines (import_id, sheet, source, line_number, column_name, raw_text, reason)
            VALUES (@ImportId, @Sheet, @Source, @LineNumber, @Column, @RawText, @Reason)
            """,
            lines.Select(line => new
            {
                ImportId = importId,
                Sheet = kind.Name(),
                Source = source,
                line.LineNumber,
                line.Error.Column,
                RawText = BoundedText.Cut(line.RawText),
                Reason = BoundedText.Cut(line.Error.Reason),
            }),
            transaction).ConfigureAwait(false);

    public async Task RecordSheetAsync(SheetImportSummary summary, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync("""
            INSERT INTO import_sheets (import_id, sheet, source, content_sha256, rows_read, rows_new, rows_duplicate, rows_rejected, rows_updated, unchanged, rows_not_in_sheet)
            VALUES (@ImportId, @Sheet, @Source, @ContentHash, @Read, @New, @Duplicate, @Rejected, @Updated, @Unchanged, @StoredNotInSheet)
            """,
            new
            {
                ImportId = importId,
                Sheet = summary.Kind.Name(),
                summary.Source,
                summary.ContentHash,
                summary.Read,
                summary.New,
                summary.Duplicate,
                summary.Rejected,
                summary.Updated,
                summary.Unchanged,
                summary.StoredNotInSheet,
            },
            transaction).ConfigureAwait(false);

    public async Task RecordVersionAsync(SheetKind kind, string source, SourceVersion version, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync("""
            INSERT INTO source_validators (source, sheet, etag, last_modified, content_sha256, import_id, updated_at)
            VALUES (@source, @sheet, @ETag, @LastModified, @ContentSha256, @importId, (SELECT started_at FROM imports WHERE id = @importId))
            ON CONFLICT (source) DO UPDATE SET
                sheet = excluded.sheet, etag = excluded.etag, last_modified = excluded.last_modified,
                content_sha256 = excluded.content_sha256, import_id = excluded.import_id, updated_at = excluded.updated_at
            """,
            new { source, sheet = kind.Name(), version.ETag, version.LastModified, version.ContentSha256, importId },
            transaction).ConfigureAwait(false);

    public async Task CommitAsync(DateTimeOffset finishedAt, CancellationToken cancellationToken)
    {
        // Every row this import wrote refers to its own row of imports: found here, at commit, they all hold.
        var finished = await connection.ExecuteAsync(
            "UPDATE imports SET finished_at = @finishedAt, outcome = 'succeeded' WHERE id = @importId",
            new { finishedAt = SqliteText.Timestamp(finishedAt), importId }, transaction).ConfigureAwait(false);
        if (_foreignKeysRefused || finished != 1)
        {
            throw ForeignKeyViolation.Create();
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        // Both are disposed even when the rollback fails (a broken connection, a commit that failed half-way).
        await using (connection.ConfigureAwait(false))
        {
            await using (transaction.ConfigureAwait(false))
            {
                if (!_committed)
                {
                    await transaction.RollbackAsync().ConfigureAwait(false);
                }
            }
        }
    }

    // A refused insert leaves its lines in the transaction (as a failed one-row statement leaves the
    // lines before it): the session then never commits, so nothing of it can be stored.
    private void CheckForeignKeys(NewSalesForeignKeys foreignKeys)
    {
        try
        {
            foreignKeys.Check(connection, importId);
        }
        catch (SqliteException)
        {
            _foreignKeysRefused = true;
            throw;
        }
    }

    private async Task<UpsertCounts> UpsertAsync<TKey, TEntity>(
        IReadOnlyCollection<TEntity> rows, Func<TEntity, TKey> key, Dictionary<TKey, TEntity> stored, string sql, Func<TEntity, object> parameters)
        where TKey : notnull
        where TEntity : class
    {
        var inserted = 0;
        var updated = 0;
        var changed = new List<object>();
        foreach (var row in rows)
        {
            if (!stored.TryGetValue(key(row), out var current))
            {
                inserted++;
            }
            else if (!current.Equals(row))
            {
                updated++;
            }
            else
            {
                continue;
            }

            changed.Add(parameters(row));
        }

        await connection.ExecuteAsync(sql, changed, transaction).ConfigureAwait(false);
        return new UpsertCounts(inserted, updated, rows.Count - inserted - updated);
    }
}
