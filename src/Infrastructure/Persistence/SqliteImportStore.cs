using Dapper;
using Microsoft.Data.Sqlite;
using Sales.Application.Abstractions;
using Sales.Application.Import;
using Sales.Domain.Limits;
using Sales.Domain.Sheets;

namespace Sales.Infrastructure.Persistence;

/// <summary>The import port over SQLite: one import is one <c>BEGIN IMMEDIATE</c> transaction.</summary>
internal sealed class SqliteImportStore(SqliteDatabase database) : IImportStore
{
    public IStoredSalesReadAhead? ReadStoredSalesAhead(CancellationToken cancellationToken) =>
        StoredSalesReadAhead.Start(database, cancellationToken);

    public async Task<IImportSession> BeginAsync(DateTimeOffset startedAt, IStoredSalesReadAhead? readAhead, CancellationToken cancellationToken)
    {
        var ahead = readAhead is StoredSalesReadAhead mine ? await mine.TakeAsync().ConfigureAwait(false) : default;
        var connection = ahead.Connection ?? await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // IMMEDIATE: a second import waits here for the first to finish, instead of failing later.
            // New sales are inserted in key order, so the B-tree grows at its right edge: a page, once
            // full, is not touched again and may spill to the WAL before commit at no cost. A 16 MB
            // cache holds the hot pages; a larger one only held the whole import until commit (RSS).
            // Foreign keys: the session checks those of everything it writes once per distinct key,
            // instead of SQLite's three lookups per sales line (decision 0044), so a statement added
            // to it must check its own; the schema keeps them for every other connection. The pragma
            // only changes outside a transaction, so here.
            await connection.ExecuteAsync("PRAGMA cache_size = -16384; PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = OFF;").ConfigureAwait(false);
            var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            var storedKeys = ahead.Keys is { } keys && await IsUnchangedSinceAsync(connection, transaction, ahead.DataVersion).ConfigureAwait(false) ? keys : null;
            var importId = await connection.ExecuteScalarAsync<long>(
                "INSERT INTO imports (started_at, outcome) VALUES (@startedAt, 'running') RETURNING id",
                new { startedAt = SqliteText.Timestamp(startedAt) }, transaction).ConfigureAwait(false);
            return new SqliteImportSession(connection, transaction, importId, storedKeys);
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
                """, new { source, sheet = kind.Name() }).ConfigureAwait(false);
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

    // SQLite's data_version, read on the connection that read the keys ahead: the same number means
    // no other connection committed since, and the write lock now held means none can until we end.
    private static async Task<bool> IsUnchangedSinceAsync(SqliteConnection connection, SqliteTransaction transaction, long dataVersion) =>
        await connection.ExecuteScalarAsync<long>("PRAGMA data_version", transaction: transaction).ConfigureAwait(false) == dataVersion;
}
