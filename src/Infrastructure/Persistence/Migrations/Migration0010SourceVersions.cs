using FluentMigrator;

namespace Sales.Infrastructure.Persistence.Migrations;

/// <summary>
/// Remembers, per source, the version last imported (HTTP validators and content hash) so the next
/// import can ask "changed since?" and skip an unchanged source; and marks in the import log the
/// sheets found unchanged.
/// </summary>
[Migration(10, "Source versions for conditional requests; unchanged sheets in the import log")]
public sealed class Migration0010SourceVersions : Migration
{
    /// <inheritdoc />
    public override void Up()
    {
        Execute.Sql("""
            CREATE TABLE source_validators (
                source          TEXT    PRIMARY KEY,
                sheet           TEXT    NOT NULL CHECK (sheet IN ('products', 'stores', 'sales')),
                etag            TEXT,
                last_modified   TEXT,
                content_sha256  TEXT    NOT NULL CHECK (length(content_sha256) = 64),
                import_id       INTEGER NOT NULL REFERENCES imports (id),
                updated_at      TEXT    NOT NULL
            );

            -- 1 when the sheet was the version already imported (304, or the same bytes) and was not read.
            ALTER TABLE import_sheets ADD COLUMN unchanged INTEGER NOT NULL DEFAULT 0 CHECK (unchanged IN (0, 1));

            DROP VIEW import_log;
            CREATE VIEW import_log AS
            SELECT i.id AS import_id, i.started_at, i.finished_at, s.sheet, s.source,
                   s.rows_read, s.rows_new, s.rows_duplicate, s.rows_rejected, s.rows_updated,
                   s.content_sha256, i.outcome, s.unchanged
            FROM imports AS i
            JOIN import_sheets AS s ON s.import_id = i.id;
            """);
    }

    /// <inheritdoc />
    public override void Down()
    {
        Execute.Sql("""
            DROP VIEW import_log;
            CREATE VIEW import_log AS
            SELECT i.id AS import_id, i.started_at, i.finished_at, s.sheet, s.source,
                   s.rows_read, s.rows_new, s.rows_duplicate, s.rows_rejected, s.rows_updated,
                   s.content_sha256, i.outcome
            FROM imports AS i
            JOIN import_sheets AS s ON s.import_id = i.id;
            ALTER TABLE import_sheets DROP COLUMN unchanged;
            DROP TABLE source_validators;
            """);
    }
}
