using FluentMigrator;

namespace Sales.Infrastructure.Persistence.Migrations;

/// <summary>
/// The shape every analysis result table shares: <c>analysis_&lt;name&gt;</c> with a <c>run_id</c>
/// and the row's <c>position</c> in the analysis's output (its ORDER BY), then the columns of the
/// analysis's SELECT; and a <c>latest_&lt;name&gt;</c> view holding the rows of the last run in order.
/// </summary>
internal static class AnalysisTables
{
    /// <summary>Creates the table, its run index and its latest view; <paramref name="columns"/> is the SQL column list.</summary>
    public static void Create(Migration migration, string name, string columns) =>
        migration.Execute.Sql($"""
            CREATE TABLE analysis_{name} (
                run_id    INTEGER NOT NULL REFERENCES analysis_runs (id),
                position  INTEGER NOT NULL,
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
