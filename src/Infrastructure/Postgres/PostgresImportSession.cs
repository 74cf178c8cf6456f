using Dapper;
using Npgsql;
using NpgsqlTypes;
using Sales.Application.Abstractions;
using Sales.Application.Import;
using Sales.Domain;
using Sales.Domain.Sheets;

namespace Sales.Infrastructure.Postgres;

/// <summary>
/// One import on PostgreSQL, one transaction. Sales are stored by merging the sheet (in identity
/// order) with the stored identities read in key order, then writing only the new lines with one
/// binary <c>COPY</c> (see docs/decisions/0006-postgresql-bulk-load.md).
/// </summary>
internal sealed class PostgresImportSession(NpgsqlConnection connection, NpgsqlTransaction transaction, long importId) : IImportSession
{
    public long ImportId => importId;

    public async Task<UpsertCounts> UpsertProductsAsync(IReadOnlyCollection<Product> products, CancellationToken cancellationToken)
    {
        var stored = (await connection.QueryAsync<(string Reference, string Name, long UnitPriceCents, int Stock)>(
            "SELECT reference, name, unit_price_cents, stock FROM products", transaction: transaction).ConfigureAwait(false))
            .ToDictionary(p => p.Reference, p => new Product(p.Reference, p.Name, Money.FromCents(p.UnitPriceCents), p.Stock), StringComparer.Ordinal);
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
        var stored = (await connection.QueryAsync<(int Id, string City, int Employees)>(
            "SELECT id, city, employees FROM stores", transaction: transaction).ConfigureAwait(false))
            .ToDictionary(s => s.Id, s => new Store(s.Id, s.City, s.Employees));
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
        (await connection.QueryAsync<int>("SELECT id FROM stores", transaction: transaction).ConfigureAwait(false)).ToHashSet();

    public Task<SalesInsertCounts> InsertNewSalesAsync(IEnumerable<PricedSale> sales, CancellationToken cancellationToken)
    {
        var merge = StoredIdentityMerge.Run(connection, sales, cancellationToken);
        var fresh = NewSales.Of(sales, merge.Stored);
        if (fresh.Count == 0)
        {
            return Task.FromResult(new SalesInsertCounts(0, merge.StoredNotInSheet));
        }

        var checkedSetBased = SalesForeignKeyCheck.TryCheckSetBased(connection, transaction, fresh, importId);
        var inserted = CopyNew(sales, merge.Stored, cancellationToken);

        // Only after a COPY that succeeded: a failed one dooms the transaction, whose rollback resets it anyway.
        if (checkedSetBased)
        {
            SalesForeignKeyCheck.RestoreRowChecks(connection, transaction);
        }

        return Task.FromResult(new SalesInsertCounts(inserted, merge.StoredNotInSheet));
    }

    // One binary COPY of the lines the merge did not find, straight into the sales table: the import
    // lock keeps any other import from storing them meanwhile, and the key would refuse a copy anyway.
    // Synchronous writes, as the merge's reads: an await per value would cost more than the value.
    private int CopyNew(IEnumerable<PricedSale> sales, System.Collections.BitArray stored, CancellationToken cancellationToken)
    {
        using var importer = connection.BeginBinaryImport(
            "COPY sales (sale_date, product_reference, store_id, quantity, occurrence, unit_price_cents, import_id) FROM STDIN (FORMAT BINARY)");
        var position = 0;
        var inserted = 0;
        foreach (var sale in sales)
        {
            var isStored = position < stored.Length && stored[position];
            position++;
            if (isStored)
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var content = sale.Identity.Content;
            importer.StartRow();
            importer.Write(content.Date, NpgsqlDbType.Date);
            importer.Write(content.ProductReference, NpgsqlDbType.Text);
            importer.Write(content.StoreId, NpgsqlDbType.Integer);
            importer.Write(content.Quantity, NpgsqlDbType.Integer);
            importer.Write(sale.Identity.Occurrence, NpgsqlDbType.Integer);
            importer.Write(Money.ToCents(sale.UnitPrice), NpgsqlDbType.Bigint);
            importer.Write(importId, NpgsqlDbType.Bigint);
            inserted++;
        }

        importer.Complete();
        return inserted;
    }

    public async Task RecordRejectedAsync(SheetKind kind, string source, IEnumerable<RejectedLine> lines, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync("""
            INSERT INTO rejected_lines (import_id, sheet, source, line_number, column_name, raw_text, reason)
            VALUES (@ImportId, @Sheet, @Source, @LineNumber, @Column, @RawText, @Reason)
            """,
            lines.Select(line => new
            {
                ImportId = importId,
                Sheet = PostgresText.Sheet(kind),
                Source = source,
                line.LineNumber,
                line.Error.Column,
                line.RawText,
                line.Error.Reason,
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
                Sheet = PostgresText.Sheet(summary.Kind),
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
            new { source, sheet = PostgresText.Sheet(kind), version.ETag, version.LastModified, version.ContentSha256, importId },
            transaction).ConfigureAwait(false);

    public async Task CommitAsync(DateTimeOffset finishedAt, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(
            "UPDATE imports SET finished_at = @finishedAt, outcome = 'succeeded' WHERE id = @importId",
            new { finishedAt = PostgresText.Utc(finishedAt), importId }, transaction).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        // Disposing an uncommitted Npgsql transaction rolls it back; the connection is disposed even if that fails.
        await using (connection.ConfigureAwait(false))
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
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
