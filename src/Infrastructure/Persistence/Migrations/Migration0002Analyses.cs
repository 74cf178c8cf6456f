using FluentMigrator;

namespace Sales.Infrastructure.Persistence.Migrations;

/// <summary>
/// Analysis runs and one result table per analysis of <c>Analyses/*.sql</c>: every result row
/// carries its run id, so every run is kept; <c>latest_&lt;analysis&gt;</c> views show the last run.
/// Column names follow the SELECT of the analysis file; money is integer cents (<c>_cents</c>),
/// two-decimal figures are integer hundredths (<c>_x100</c>).
/// </summary>
[Migration(2, "Analysis runs and result tables of the first seven analyses")]
public sealed class Migration0002Analyses : Migration
{
    /// <inheritdoc />
    public override void Up()
    {
        Execute.Sql("""
            -- One row per analyze: the sales it saw are those of every succeeded import up to last_import_id.
            CREATE TABLE analysis_runs (
                id              INTEGER PRIMARY KEY,
                started_at      TEXT    NOT NULL,
                finished_at     TEXT    NOT NULL,
                last_import_id  INTEGER REFERENCES imports (id),
                imports_covered INTEGER NOT NULL CHECK (imports_covered >= 0),
                sales_lines     INTEGER NOT NULL CHECK (sales_lines >= 0),
                analyses        INTEGER NOT NULL CHECK (analyses >= 0)
            );
            """);

        AnalysisTables.Create(this, "total_revenue", """
            sales_lines    INTEGER NOT NULL,
            units          INTEGER NOT NULL,
            revenue_cents  INTEGER NOT NULL,
            first_day      TEXT,
            last_day       TEXT
            """);
        AnalysisTables.Create(this, "revenue_by_product", """
            product_reference  TEXT    NOT NULL,
            product_name       TEXT    NOT NULL,
            units              INTEGER NOT NULL,
            revenue_cents      INTEGER NOT NULL,
            share_pct_x100     INTEGER
            """);
        AnalysisTables.Create(this, "revenue_by_city", """
            city            TEXT    NOT NULL,
            stores          INTEGER NOT NULL,
            units           INTEGER NOT NULL,
            revenue_cents   INTEGER NOT NULL,
            share_pct_x100  INTEGER
            """);
        AnalysisTables.Create(this, "revenue_by_store", """
            store_id                    INTEGER NOT NULL,
            city                        TEXT    NOT NULL,
            employees                   INTEGER NOT NULL,
            units                       INTEGER NOT NULL,
            revenue_cents               INTEGER NOT NULL,
            revenue_per_employee_cents  INTEGER
            """);
        AnalysisTables.Create(this, "revenue_by_day", """
            day            TEXT    NOT NULL,
            sales_lines    INTEGER NOT NULL,
            units          INTEGER NOT NULL,
            revenue_cents  INTEGER NOT NULL
            """);
        AnalysisTables.Create(this, "best_seller_by_city", """
            city               TEXT    NOT NULL,
            product_reference  TEXT    NOT NULL,
            product_name       TEXT    NOT NULL,
            units              INTEGER NOT NULL,
            revenue_cents      INTEGER NOT NULL,
            products_tied      INTEGER NOT NULL
            """);
        AnalysisTables.Create(this, "stock_coverage", """
            product_reference     TEXT    NOT NULL,
            product_name          TEXT    NOT NULL,
            stock                 INTEGER NOT NULL,
            units                 INTEGER NOT NULL,
            days_covered          INTEGER,
            avg_daily_units_x100  INTEGER,
            coverage_days_x100    INTEGER
            """);
    }

    /// <inheritdoc />
    public override void Down()
    {
        foreach (var name in new[] { "total_revenue", "revenue_by_product", "revenue_by_city", "revenue_by_store", "revenue_by_day", "best_seller_by_city", "stock_coverage" })
        {
            AnalysisTables.Drop(this, name);
        }

        Execute.Sql("DROP TABLE analysis_runs;");
    }
}
