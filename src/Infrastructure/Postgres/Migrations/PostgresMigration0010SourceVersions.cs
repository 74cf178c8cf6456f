using FluentMigrator;

namespace Sales.Infrastructure.Postgres.Migrations;

/// <summary>Source versions for conditional requests, and unchanged sheets in the import log, as SQLite's migration 10.</summary>
[Migration(10, "Source versions for conditional requests; unchanged sheets in the import log")]
[Tags(PostgresDatabase.MigrationTag)]
public sealed class PostgresMigration0010SourceVersions : Migration
{
    /// <inheritdoc />
    public override void Up()
    {
        Execute.Sql("""
            CREATE TABLE source_validators (
                source          text   PRIMARY KEY,
                sheet           text   NOT NULL CHECK (sheet IN ('products', 'stores', 'sales')),
                etag            text,
                last_modified   text,
                content_sha256  text   NOT NULL CHECK (length(content_sha256) = 64),
                import_id       bigint NOT NULL REFERENCES imports (id),
                updated_at      timestamptz NOT NULL
            );

            -- True when the sheet was the version already imported (304, or the same bytes) and was not read.
            ALTER TABLE import_sheets ADD COLUMN unchanged boolean NOT NULL DEFAULT false;

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
