using FluentMigrator;

namespace Sales.Infrastructure.Persistence.Migrations;

/// <summary>
/// Indexes the analyses need on a sales table of millions of lines: sales by product and by store,
/// each carrying quantity and unit price so that revenue sums read the index alone. Sales by day
/// use the identity index, which starts with the day.
/// </summary>
[Migration(20, "Sales indexes for the analyses: by product, by store")]
public sealed class Migration0020SalesAnalysisIndexes : Migration
{
    /// <inheritdoc />
    public override void Up()
    {
        Execute.Sql("""
            CREATE INDEX ix_sales_product ON sales (product_reference, quantity, unit_price_cents);
            CREATE INDEX ix_sales_store ON sales (store_id, quantity, unit_price_cents);
            """);
    }

    /// <inheritdoc />
    public override void Down()
    {
        Execute.Sql("""
            DROP INDEX ix_sales_store;
            DROP INDEX ix_sales_product;
            """);
    }
}
