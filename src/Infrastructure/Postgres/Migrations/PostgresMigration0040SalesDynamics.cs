using FluentMigrator;

namespace Sales.Infrastructure.Postgres.Migrations;

/// <summary>
/// Result tables of the analyses of sales dynamics, as SQLite's migration 40: revenue by week and by
/// weekday, the 7-day moving average of the daily curve, and the last 7 days against the 7 before.
/// </summary>
[Migration(40, "Result tables of the analyses of sales dynamics")]
[Tags(PostgresDatabase.MigrationTag)]
public sealed class PostgresMigration0040SalesDynamics : Migration
{
    private static readonly string[] Names = ["revenue_by_week", "revenue_by_weekday", "revenue_7_day_average", "revenue_last_7_days"];

    /// <inheritdoc />
    public override void Up()
    {
        PostgresAnalysisTables.Create(this, "revenue_by_week", """
            week_start       date   NOT NULL,
            week_end         date   NOT NULL,
            iso_week         text   NOT NULL,
            sales_lines      bigint NOT NULL,
            units            bigint NOT NULL,
            revenue_cents    bigint NOT NULL,
            change_pct_x100  bigint
            """);
        PostgresAnalysisTables.Create(this, "revenue_by_weekday", """
            weekday_number             integer NOT NULL,
            weekday                    text    NOT NULL,
            days_in_period             bigint  NOT NULL,
            sales_lines                bigint  NOT NULL,
            units                      bigint  NOT NULL,
            revenue_cents              bigint  NOT NULL,
            avg_revenue_per_day_cents  bigint
            """);
        PostgresAnalysisTables.Create(this, "revenue_7_day_average", """
            day                  date   NOT NULL,
            revenue_cents        bigint NOT NULL,
            last_7_days_cents    bigint NOT NULL,
            moving_avg_7d_cents  bigint
            """);
        PostgresAnalysisTables.Create(this, "revenue_last_7_days", """
            last_7_from            date   NOT NULL,
            last_day               date   NOT NULL,
            last_7_days_cents      bigint NOT NULL,
            previous_7_days_cents  bigint,
            change_pct_x100        bigint
            """);
    }

    /// <inheritdoc />
    public override void Down()
    {
        foreach (var name in Names)
        {
            PostgresAnalysisTables.Drop(this, name);
        }
    }
}
