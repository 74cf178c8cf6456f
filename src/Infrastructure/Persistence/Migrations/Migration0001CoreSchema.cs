using FluentMigrator;

namespace Sales.Infrastructure.Persistence.Migrations;

/// <summary>
/// The core schema: products, stores, sales keyed by their identity, and the import log with the
/// lines each import refused. Money is integer cents; days are ISO-8601 text (<c>yyyy-MM-dd</c>);
/// timestamps are ISO-8601 UTC text.
/// </summary>
[Migration(1, "Core schema: products, stores, sales, import log, rejected lines")]
public sealed class Migration0001CoreSchema : Migration
{
    /// <inheritdoc />
    public override void Up()
    {
        Execute.Sql("""
            CREATE TABLE imports (
                id           INTEGER PRIMARY KEY,
                started_at   TEXT NOT NULL,
                finished_at  TEXT,
                outcome      TEXT NOT NULL CHECK (outcome IN ('running', 'succeeded', 'failed')),
                message      TEXT
            );

            CREATE TABLE import_sheets (
                import_id       INTEGER NOT NULL REFERENCES imports (id),
                sheet           TEXT    NOT NULL CHECK (sheet IN ('products', 'stores', 'sales')),
                source          TEXT    NOT NULL,
                content_sha256  TEXT    NOT NULL CHECK (length(content_sha256) = 64),
                rows_read       INTEGER NOT NULL CHECK (rows_read >= 0),
                rows_new        INTEGER NOT NULL CHECK (rows_new >= 0),
                rows_duplicate  INTEGER NOT NULL CHECK (rows_duplicate >= 0),
                rows_rejected   INTEGER NOT NULL CHECK (rows_rejected >= 0),
                rows_updated    INTEGER NOT NULL CHECK (rows_updated >= 0),
                PRIMARY KEY (import_id, sheet)
            );

            CREATE TABLE products (
                reference          TEXT    PRIMARY KEY CHECK (length(trim(reference)) > 0),
                name               TEXT    NOT NULL CHECK (length(trim(name)) > 0),
                unit_price_cents   INTEGER NOT NULL CHECK (unit_price_cents >= 0),
                stock              INTEGER NOT NULL CHECK (stock >= 0),
                created_import_id  INTEGER NOT NULL REFERENCES imports (id),
                updated_import_id  INTEGER NOT NULL REFERENCES imports (id)
            );

            CREATE TABLE stores (
                id                 INTEGER PRIMARY KEY CHECK (id > 0),
                city               TEXT    NOT NULL CHECK (length(trim(city)) > 0),
                employees          INTEGER NOT NULL CHECK (employees >= 0),
                created_import_id  INTEGER NOT NULL REFERENCES imports (id),
                updated_import_id  INTEGER NOT NULL REFERENCES imports (id)
            );

            -- One row per sales line. The sheet has no sale id: a line's identity is its canonical
            -- content plus its occurrence number among identical lines of the sheet.
            CREATE TABLE sales (
                id                 INTEGER PRIMARY KEY,
                sale_date          TEXT    NOT NULL CHECK (date(sale_date) IS sale_date),
                product_reference  TEXT    NOT NULL REFERENCES products (reference),
                store_id           INTEGER NOT NULL REFERENCES stores (id),
                quantity           INTEGER NOT NULL CHECK (quantity > 0),
                occurrence         INTEGER NOT NULL CHECK (occurrence >= 1),
                unit_price_cents   INTEGER NOT NULL CHECK (unit_price_cents >= 0),
                import_id          INTEGER NOT NULL REFERENCES imports (id)
            );

            -- Enforces the identity: the same content and occurrence is never stored twice.
            CREATE UNIQUE INDEX ux_sales_identity
                ON sales (sale_date, product_reference, store_id, quantity, occurrence);

            CREATE TABLE rejected_lines (
                id           INTEGER PRIMARY KEY,
                import_id    INTEGER NOT NULL REFERENCES imports (id),
                sheet        TEXT    NOT NULL CHECK (sheet IN ('products', 'stores', 'sales')),
                source       TEXT    NOT NULL,
                line_number  INTEGER NOT NULL CHECK (line_number >= 1),
                column_name  TEXT    NOT NULL,
                raw_text     TEXT    NOT NULL,
                reason       TEXT    NOT NULL
            );
            CREATE INDEX ix_rejected_lines_import ON rejected_lines (import_id);

            -- One row per import and sheet, as the import log reads best.
            CREATE VIEW import_log AS
            SELECT i.id AS import_id, i.started_at, i.finished_at, s.sheet, s.source,
                   s.rows_read, s.rows_new, s.rows_duplicate, s.rows_rejected, s.rows_updated,
                   s.content_sha256, i.outcome
            FROM imports AS i
            JOIN import_sheets AS s ON s.import_id = i.id;
            """);
    }

    /// <inheritdoc />
    public override void Down()
    {
        Execute.Sql("""
            DROP VIEW import_log;
            DROP TABLE rejected_lines;
            DROP TABLE sales;
            DROP TABLE stores;
            DROP TABLE products;
            DROP TABLE import_sheets;
            DROP TABLE imports;
            """);
    }
}
