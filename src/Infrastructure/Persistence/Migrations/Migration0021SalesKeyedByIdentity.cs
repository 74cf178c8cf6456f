using FluentMigrator;

namespace Sales.Infrastructure.Persistence.Migrations;

/// <summary>
/// Stores sales in one B-tree ordered by their identity (a <c>WITHOUT ROWID</c> table whose primary
/// key is the identity) instead of a rowid table plus the unique identity index: an import writes
/// each line once instead of twice, and the analyses by day read a range of the table itself. The
/// primary key enforces the identity as <c>ux_sales_identity</c> did; columns, foreign keys and
/// checks are unchanged, existing rows are kept. The surrogate <c>id</c> goes: nothing refers to it.
/// The covering indexes of migration 20 go with the old table: they doubled an import's index
/// writes, while the analyses now sum sales in one pass over the table (about 0.4 s at a million
/// lines each, measured) before joining products or stores.
/// </summary>
[Migration(21, "Sales keyed by their identity (WITHOUT ROWID)")]
public sealed class Migration0021SalesKeyedByIdentity : Migration
{
    /// <inheritdoc />
    public override void Up()
    {
        Execute.Sql("""
            CREATE TABLE sales_by_identity (
                sale_date          TEXT    NOT NULL CHECK (date(sale_date) IS sale_date),
                product_reference  TEXT    NOT NULL REFERENCES products (reference),
                store_id           INTEGER NOT NULL REFERENCES stores (id),
                quantity           INTEGER NOT NULL CHECK (quantity > 0),
                occurrence         INTEGER NOT NULL CHECK (occurrence >= 1),
                unit_price_cents   INTEGER NOT NULL CHECK (unit_price_cents >= 0),
                import_id          INTEGER NOT NULL REFERENCES imports (id),
                PRIMARY KEY (sale_date, product_reference, store_id, quantity, occurrence)
            ) WITHOUT ROWID;

            INSERT INTO sales_by_identity (sale_date, product_reference, store_id, quantity, occurrence, unit_price_cents, import_id)
            SELECT sale_date, product_reference, store_id, quantity, occurrence, unit_price_cents, import_id
            FROM sales
            ORDER BY sale_date, product_reference, store_id, quantity, occurrence;

            DROP TABLE sales;
            ALTER TABLE sales_by_identity RENAME TO sales;
            """);
    }

    /// <inheritdoc />
    public override void Down()
    {
        Execute.Sql("""
            CREATE TABLE sales_with_rowid (
                id                 INTEGER PRIMARY KEY,
                sale_date          TEXT    NOT NULL CHECK (date(sale_date) IS sale_date),
                product_reference  TEXT    NOT NULL REFERENCES products (reference),
                store_id           INTEGER NOT NULL REFERENCES stores (id),
                quantity           INTEGER NOT NULL CHECK (quantity > 0),
                occurrence         INTEGER NOT NULL CHECK (occurrence >= 1),
                unit_price_cents   INTEGER NOT NULL CHECK (unit_price_cents >= 0),
                import_id          INTEGER NOT NULL REFERENCES imports (id)
            );

            INSERT INTO sales_with_rowid (sale_date, product_reference, store_id, quantity, occurrence, unit_price_cents, import_id)
            SELECT sale_date, product_reference, store_id, quantity, occurrence, unit_price_cents, import_id
            FROM sales;

            DROP TABLE sales;
            ALTER TABLE sales_with_rowid RENAME TO sales;
            CREATE UNIQUE INDEX ux_sales_identity
                ON sales (sale_date, product_reference, store_id, quantity, occurrence);
            """);
    }
}
