using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Sales.Application.Abstractions;
using Sales.Application.Import;
using Sales.Domain;
using Sales.Domain.Dedup;
using Sales.Domain.Limits;
using Sales.Domain.Sheets;

namespace Sales.Infrastructure.Persistence;

/// <summary>The import port over SQLite: one import is one <c>BEGIN IMMEDIATE</c> transaction.</summary>
internal sealed class SqliteImportStore(SqliteDatabase database) : IImportStore
{
    public async Task<IImportSession> BeginAsync(DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // IMMEDIATE: a second import waits here for the first to finish, instead of failing later.
            // A large page cache keeps an import's pages in memory until commit instead of spilling
            // them to the WAL and reading them back; it is allocated only as pages are used.
            await connection.ExecuteAsync("PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;").ConfigureAwait(false);
            var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            var importId = await connection.ExecuteScalarAsync<long>(
                "INSERT INTO imports (started_at, outcome) VALUES (@startedAt, 'running') RETURNING id",
                new { startedAt = SqliteText.Timestamp(startedAt) }, transaction).ConfigureAwait(false);
            return new SqliteImportSession(connection, transaction, importId);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<SourceVersion?> GetKnownVersionAsync(SheetKind kind, string source, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // The version is only trusted while it is what the database reflects: no other source of
            // the sheet imported since, and for sales no product or store added since.
            var row = await connection.QuerySingleOrDefaultAsync<(string? ETag, string? LastModified, string ContentSha256)?>("""
                SELECT v.etag, v.last_modified, v.content_sha256
                FROM source_validators AS v
                WHERE v.source = @source AND v.sheet = @sheet
                  AND v.import_id >= COALESCE((SELECT MAX(import_id) FROM import_sheets WHERE sheet = @sheet AND unchanged = 0), 0)
                  AND (@sheet <> 'sales' OR v.import_id >= COALESCE((
                        SELECT MAX(created_import_id) FROM (
                            SELECT created_import_id FROM products UNION ALL SELECT created_import_id FROM stores)), 0))
                """, new { source, sheet = SqliteText.Sheet(kind) }).ConfigureAwait(false);
            return row is { } found ? new SourceVersion(found.ETag, found.LastModified, found.ContentSha256) : null;
        }
    }

    public async Task RecordFailureAsync(DateTimeOffset startedAt, DateTimeOffset finishedAt, string message, CancellationToken cancellationToken)
    {
        // Opened whatever the token says: a cancelled token means "do not wait for the lock", and a
        // free database still gets the failure logged (BeginWriteAsync tries once before it waits).
        var connection = await database.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await connection.ExecuteAsync(
                    "INSERT INTO imports (started_at, finished_at, outcome, message) VALUES (@startedAt, @finishedAt, 'failed', @message)",
                    new { startedAt = SqliteText.Timestamp(startedAt), finishedAt = SqliteText.Timestamp(finishedAt), message = BoundedText.Cut(message) }, transaction).ConfigureAwait(false);
                // Once the lock is held, the failure is logged: the token only bounds the wait for it.
                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }
}

internal sealed class SqliteImportSession(SqliteConnection connection, SqliteTransaction transaction, long importId) : IImportSession
{
    private bool _committed;

    public long ImportId => importId;

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
        var days = new Utf8Texts<DateOnly>(SqliteText.Date);
        var references = new Utf8Texts<string>(reference => reference);
        var (stored, storedNotInSheet) = FindStored(sales, days, references, cancellationToken);

        // One prepared statement re-bound per new line, in identity order so that the sales
        // B-tree grows at its end. ON CONFLICT stays as the guard the identity key enforces anyway.
        using var insert = new RawStatement(connection, """
            INSERT INTO sales (sale_date, product_reference, store_id, quantity, occurrence, unit_price_cents, import_id)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            ON CONFLICT (sale_date, product_reference, store_id, quantity, occurrence) DO NOTHING
            """);
        insert.Bind(7, importId);
        var inserted = 0;
        var position = 0;
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
            insert.Bind(1, days.Of(content.Date));
            insert.Bind(2, references.Of(content.ProductReference));
            insert.Bind(3, content.StoreId);
            insert.Bind(4, content.Quantity);
            insert.Bind(5, sale.Identity.Occurrence);
            insert.Bind(6, Money.ToCents(sale.UnitPrice));
            inserted += insert.Execute();
        }

        return Task.FromResult(new SalesInsertCounts(inserted, storedNotInSheet));
    }

    // Merges the sales (in identity order) with the stored identities from the first sale's day
    // on, read in the same order from the sales key: one pass over each, no lookup per line.
    // Stored rows are compared as they come (ISO days and references as UTF-8 bytes, which is the
    // key's order), without a string per row. Returns the positions of the sales already stored,
    // and how many stored rows up to the last sale's day the merge passed without a match.
    private (System.Collections.BitArray Stored, int StoredNotInSheet) FindStored(
        IEnumerable<PricedSale> sales, Utf8Texts<DateOnly> days, Utf8Texts<string> references, CancellationToken cancellationToken)
    {
        var stored = new System.Collections.BitArray(0);
        using var enumerator = sales.GetEnumerator();
        if (!enumerator.MoveNext())
        {
            return (stored, 0);
        }

        using var select = new RawStatement(connection, """
            SELECT sale_date, product_reference, store_id, quantity, occurrence FROM sales
            WHERE sale_date >= ?1
            ORDER BY sale_date, product_reference, store_id, quantity, occurrence
            """);
        select.Bind(1, days.Of(enumerator.Current.Identity.Content.Date));
        var position = 0;
        var notInSheet = 0;
        var hasSale = true;
        var lastDay = enumerator.Current.Identity.Content.Date;
        var rowPending = select.Read();
        while (hasSale && rowPending)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int order;
            while ((order = CompareWithStored(enumerator.Current.Identity, select, days, references)) < 0)
            {
                position++;
                if (!enumerator.MoveNext())
                {
                    hasSale = false;
                    break;
                }

                lastDay = enumerator.Current.Identity.Content.Date;
            }

            if (!hasSale)
            {
                break;
            }

            if (order == 0)
            {
                if (position >= stored.Length)
                {
                    stored.Length = Math.Max(position + 1024, stored.Length * 2);
                }

                stored[position++] = true;
                hasSale = enumerator.MoveNext();
                if (hasSale)
                {
                    lastDay = enumerator.Current.Identity.Content.Date;
                }
            }
            else
            {
                // The stored row sorts before the current sale: no sale of the sheet has its identity.
                notInSheet++;
            }

            rowPending = select.Read();
        }

        // Stored rows after the sheet's last identity but still on its last day are not in it either.
        var lastDayText = days.Of(lastDay);
        while (rowPending && lastDayText.AsSpan().SequenceCompareTo(select.Utf8(0)) >= 0)
        {
            notInSheet++;
            rowPending = select.Read();
        }

        return (stored, notInSheet);
    }

    // The order of IdentityOrder.Compare, against the current row of the stored-identity read.
    private static int CompareWithStored(SaleIdentity sale, RawStatement row, Utf8Texts<DateOnly> days, Utf8Texts<string> references)
    {
        var content = sale.Content;
        var order = days.Of(content.Date).AsSpan().SequenceCompareTo(row.Utf8(0));
        if (order == 0)
        {
            order = references.Of(content.ProductReference).AsSpan().SequenceCompareTo(row.Utf8(1));
        }

        if (order == 0)
        {
            order = ((long)content.StoreId).CompareTo(row.Int64(2));
        }

        if (order == 0)
        {
            order = ((long)content.Quantity).CompareTo(row.Int64(3));
        }

        return order != 0 ? order : ((long)sale.Occurrence).CompareTo(row.Int64(4));
    }

    public async Task RecordRejectedAsync(SheetKind kind, string source, IEnumerable<RejectedLine> lines, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync("""
            INSERT INTO rejected_lines (import_id, sheet, source, line_number, column_name, raw_text, reason)
            VALUES (@ImportId, @Sheet, @Source, @LineNumber, @Column, @RawText, @Reason)
            """,
            lines.Select(line => new
            {
                ImportId = importId,
                Sheet = SqliteText.Sheet(kind),
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
                Sheet = SqliteText.Sheet(summary.Kind),
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
            new { source, sheet = SqliteText.Sheet(kind), version.ETag, version.LastModified, version.ContentSha256, importId },
            transaction).ConfigureAwait(false);

    public async Task CommitAsync(DateTimeOffset finishedAt, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(
            "UPDATE imports SET finished_at = @finishedAt, outcome = 'succeeded' WHERE id = @importId",
            new { finishedAt = SqliteText.Timestamp(finishedAt), importId }, transaction).ConfigureAwait(false);
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

/// <summary>How values are written as SQLite text: ISO-8601 throughout.</summary>
internal static class SqliteText
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Timestamp(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Sheet(SheetKind kind) => kind switch
    {
        SheetKind.Products => "products",
        SheetKind.Stores => "stores",
        SheetKind.Sales => "sales",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
