using Dapper;
using Sales.Application.Abstractions;
using Sales.Domain.Sheets;

namespace Sales.Infrastructure.Postgres;

/// <summary>
/// The import port over PostgreSQL: one import is one transaction holding the import advisory lock
/// (<c>pg_advisory_xact_lock</c>), so imports run one after the other as SQLite's <c>BEGIN IMMEDIATE</c>
/// makes them, and a killed import (its connection gone) is rolled back by the server.
/// </summary>
internal sealed class PostgresImportStore(PostgresDatabase database) : IImportStore
{
    // Not here: PostgreSQL reads the stored keys inside the transaction (docs/postgresql.md#performance).
    public IStoredSalesReadAhead? ReadStoredSalesAhead(CancellationToken cancellationToken) => null;

    public async Task<IImportSession> BeginAsync(DateTimeOffset startedAt, IStoredSalesReadAhead? readAhead, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

            // A second import waits here for the first to commit or roll back; READ COMMITTED then
            // shows it everything the first one stored.
            await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@key)", new { key = PostgresDatabase.ImportLockKey }, transaction).ConfigureAwait(false);
            var importId = await connection.ExecuteScalarAsync<long>(
                "INSERT INTO imports (started_at, outcome) VALUES (@startedAt, 'running') RETURNING id",
                new { startedAt = PostgresText.Utc(startedAt) }, transaction).ConfigureAwait(false);
            return new PostgresImportSession(connection, transaction, importId);
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
            // Trusted only while it is what the database reflects, as on SQLite: no other source of
            // the sheet imported since, and for sales no product or store added since.
            var row = await connection.QuerySingleOrDefaultAsync<(string? ETag, string? LastModified, string ContentSha256)?>("""
                SELECT v.etag, v.last_modified, v.content_sha256
                FROM source_validators AS v
                WHERE v.source = @source AND v.sheet = @sheet
                  AND v.import_id >= COALESCE((SELECT MAX(import_id) FROM import_sheets WHERE sheet = @sheet AND NOT unchanged), 0)
                  AND (@sheet <> 'sales' OR v.import_id >= COALESCE((
                        SELECT MAX(created_import_id) FROM (
                            SELECT created_import_id FROM products UNION ALL SELECT created_import_id FROM stores) AS created), 0))
                """, new { source, sheet = PostgresText.Sheet(kind) }).ConfigureAwait(false);
            return row is { } found ? new SourceVersion(found.ETag, found.LastModified, found.ContentSha256) : null;
        }
    }

    public async Task RecordFailureAsync(DateTimeOffset startedAt, DateTimeOffset finishedAt, string message, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await connection.ExecuteAsync(
                "INSERT INTO imports (started_at, finished_at, outcome, message) VALUES (@startedAt, @finishedAt, 'failed', @message)",
                new { startedAt = PostgresText.Utc(startedAt), finishedAt = PostgresText.Utc(finishedAt), message }).ConfigureAwait(false);
        }
    }
}
