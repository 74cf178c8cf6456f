using FluentMigrator;

namespace Sales.Infrastructure.Postgres.Migrations;

/// <summary>
/// PostgreSQL's counterpart of <see cref="Persistence.Migrations.AnalysisTables"/>: the same
/// <c>analysis_&lt;name&gt;</c> table (run id, position, the analysis's columns) and <c>latest_&lt;name&gt;</c> view.
/// </summary>
internal static class PostgresAnalysisTables
{
    /// <summary>Creates the table and its latest view; <paramref name="columns"/> is the SQL column list.</summary>
    public static void Create(Migration migration, string name, string columns) =>
        migration.Execute.Sql($"""
            CREATE TABLE analysis_{name} (
                run_id    bigint  NOT NULL REFERENCES analysis_runs (id),
                position  integer NOT NULL,
            {columns},
                PRIMARY KEY (run_id, position)
            );
            CREATE VIEW latest_{name} AS
            SELECT * FROM analysis_{name}
            WHERE run_id = (SELECT MAX(id) FROM analysis_runs)
            ORDER BY position;
            """);

    /// <summary>Drops what <see cref="Create"/> made.</summary>
    public static void Drop(Migration migration, string name) =>
        migration.Execute.Sql($"""
            DROP VIEW latest_{name};
            DROP TABLE analysis_{name};
            """);
}
