using FluentMigrator;

namespace Sales.Infrastructure.Persistence.Migrations;

/// <summary>
/// Result tables of the analyses of sales dynamics (<c>Analyses/80..95_*.sql</c>): revenue by week and by
/// weekday, the 7-day moving average of the daily curve, and the last 7 days against the 7 before.
/// </summary>
[Migration(40, "Result tables of the analyses of sales dynamics")]
public sealed class Migration0040SalesDynamics : Migration
{
    private static readonly string[] Names = ["revenue_by_week", "revenue_by_weekday", "revenue_7_day_average", "revenue_last_7_days"];

    /// <inheritdoc />
    public override void Up()
    {
        AnalysisTables.Create(this, "revenue_by_week", """
            week_start       TEXT    NOT NULL,
            week_end         TEXT    NOT NULL,
            iso_week         TEXT    NOT NULL,
            sales_lines      INTEGER NOT NULL,
            units            INTEGER NOT NULL,
            revenue_cents    INTEGER NOT NULL,
            change_pct_x100  INTEGER
            """);
        AnalysisTables.Create(this, "revenue_by_weekday", """
            weekday_number             INTEGER NOT NULL,
            weekday                    TEXT    NOT NULL,
            days_in_period             INTEGER NOT NULL,
            sales_lines                INTEGER NOT NULL,
            units                      INTEGER NOT NULL,
            revenue_cents              INTEGER NOT NULL,
            avg_revenue_per_day_cents  INTEGER
            """);
        AnalysisTables.Create(this, "revenue_7_day_average", """
            day                  TEXT    NOT NULL,
            revenue_cents        INTEGER NOT NULL,
            last_7_days_cents    INTEGER NOT NULL,
            moving_avg_7d_cents  INTEGER
            """);
        AnalysisTables.Create(this, "revenue_last_7_days", """
            last_7_from            TEXT    NOT NULL,
            last_day               TEXT    NOT NULL,
            last_7_days_cents      INTEGER NOT NULL,
            previous_7_days_cents  INTEGER,
            change_pct_x100        INTEGER
            """);
    }

    /// <inheritdoc />
    public override void Down()
    {
        foreach (var name in Names)
        {
            AnalysisTables.Drop(this, name);
        }
    }
}
