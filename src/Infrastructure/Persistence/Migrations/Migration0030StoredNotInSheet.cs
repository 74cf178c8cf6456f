using FluentMigrator;

namespace Sales.Infrastructure.Persistence.Migrations;

/// <summary>
/// Counts, per import of a sales sheet, the stored sales within the sheet's days that the sheet no
/// longer has (edited or deleted at the source): the import log shows when the source rewrote its past.
/// </summary>
[Migration(30, "Sales stored but no longer in the sheet, in the import log")]
public sealed class Migration0030StoredNotInSheet : Migration
{
    /// <inheritdoc />
    public override void Up()
    {
        Execute.Sql("""
            -- Sales stored before, dated between the sheet's first and last day, whose identity the sheet does not have.
            ALTER TABLE import_sheets ADD COLUMN rows_not_in_sheet INTEGER NOT NULL DEFAULT 0 CHECK (rows_not_in_sheet >= 0);

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
