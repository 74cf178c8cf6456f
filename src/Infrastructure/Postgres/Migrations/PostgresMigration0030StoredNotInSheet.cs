using FluentMigrator;

namespace Sales.Infrastructure.Postgres.Migrations;

/// <summary>Sales stored but no longer in the sheet, counted in the import log, as SQLite's migration 30.</summary>
[Migration(30, "Sales stored but no longer in the sheet, in the import log")]
[Tags(PostgresDatabase.MigrationTag)]
public sealed class PostgresMigration0030StoredNotInSheet : Migration
{
    /// <inheritdoc />
    public override void Up()
    {
        Execute.Sql("""
            ALTER TABLE import_sheets ADD COLUMN rows_not_in_sheet integer NOT NULL DEFAULT 0 CHECK (rows_not_in_sheet >= 0);

            DROP VIEW import_log;
            CREATE VIEW import_log AS
            SELECT i.id AS import_id, i.started_at, i.finished_at, s.sheet, s.source,
                   s.rows_read, s.rows_new, s.rows_duplicate, s.rows_rejected, s.rows_updated,
                   s.content_sha256, i.outcome, s.unchanged, s.rows_not_in_sheet
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
                   s.content_sha256, i.outcome, s.unchanged
            FROM imports AS i
            JOIN import_sheets AS s ON s.import_id = i.id;
            ALTER TABLE import_sheets DROP COLUMN rows_not_in_sheet;
            """);
    }
}
