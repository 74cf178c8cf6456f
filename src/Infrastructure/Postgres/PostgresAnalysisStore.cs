using System.Data;
using System.Globalization;
using Dapper;
using Npgsql;
using Sales.Application.Abstractions;
using Sales.Application.Analysis;
using Sales.Infrastructure.Persistence;

namespace Sales.Infrastructure.Postgres;

/// <summary>
/// The analysis port over PostgreSQL. A run is one REPEATABLE READ transaction: every analysis reads
/// the same snapshot, and the run is stored whole or not at all. Results are read back as SQLite's
/// store gives them (integers as <see cref="long"/>, days as ISO text), so every output is the same.
/// </summary>
internal sealed class PostgresAnalysisStore(PostgresDatabase database, TimeProvider clock) : IAnalysisStore
{
    private const string RunColumns =
        "id AS Id, started_at AS StartedAt, finished_at AS FinishedAt, last_import_id AS LastImportId, imports_covered AS ImportsCovered, sales_lines AS SalesLines";

    public async Task<AnalysisRunSummary> RunAllAsync(DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var analyses = PostgresAnalysisCatalog.All;
                await CheckTablesAsync(connection, transaction, analyses).ConfigureAwait(false);
                var coverage = await connection.QuerySingleAsync<(long? LastImportId, long Imports)>(
                    "SELECT MAX(id), COUNT(*) FROM imports WHERE outcome = 'succeeded'", transaction: transaction).ConfigureAwait(false);
                var salesLines = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sales", transaction: transaction).ConfigureAwait(false);
                var runId = await connection.ExecuteScalarAsync<long>("""
                    INSERT INTO analysis_runs (started_at, finished_at, last_import_id, imports_covered, sales_lines, analyses)
                    VALUES (@started, @started, @lastImportId, @imports, @salesLines, @analyses) RETURNING id
                    """,
                    new { started = PostgresText.Utc(startedAt), lastImportId = coverage.LastImportId, imports = (int)coverage.Imports, salesLines, analyses = analyses.Count },
                    transaction).ConfigureAwait(false);

                var counts = new List<AnalysisRowCount>(analyses.Count);
                foreach (var analysis in analyses)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var rows = await StoreResultsAsync(connection, transaction, analysis, runId, cancellationToken).ConfigureAwait(false);
                    counts.Add(new AnalysisRowCount(analysis.Name, analysis.Title, rows));
                }

                var finishedAt = clock.GetUtcNow();
                await connection.ExecuteAsync("UPDATE analysis_runs SET finished_at = @finished WHERE id = @runId",
                    new { finished = PostgresText.Utc(finishedAt), runId }, transaction).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

                var run = new AnalysisRunInfo(runId, startedAt, finishedAt, coverage.LastImportId, (int)coverage.Imports, salesLines);
                return new AnalysisRunSummary(run, counts);
            }
        }
    }

    public async Task<StoredResults?> GetLatestAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // Reading must not create the schema in a database the user named by mistake.
            if (!await PostgresDatabase.HasSchemaAsync(connection).ConfigureAwait(false))
            {
                throw new StoreUnavailableException($"database '{database.Display}' holds no sales data: run 'import' and 'analyze' (or 'run') first");
            }

            await database.PrepareAsync(cancellationToken).ConfigureAwait(false);
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var run = await connection.QuerySingleOrDefaultAsync<StoredRun>(
                    $"SELECT {RunColumns} FROM analysis_runs ORDER BY id DESC LIMIT 1", transaction: transaction).ConfigureAwait(false);
                if (run is null)
                {
                    return null;
                }

                var tables = new List<ResultTable>();
                foreach (var analysis in PostgresAnalysisCatalog.All)
                {
                    tables.Add(await ReadResultsAsync(connection, transaction, analysis, run.Id, cancellationToken).ConfigureAwait(false));
                }

                return new StoredResults(run.ToInfo(), tables);
            }
        }
    }

    private static async Task CheckTablesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<AnalysisDefinition> analyses)
    {
        var tables = (await connection.QueryAsync<string>(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()", transaction: transaction).ConfigureAwait(false))
            .ToHashSet(StringComparer.Ordinal);
        var missing = analyses.Where(a => !tables.Contains(a.Table)).Select(a => $"'{a.Table}' (for Analyses/*_{a.Name}.sql)").ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"no result table {string.Join(", ", missing)} on PostgreSQL: add a migration tagged Postgres creating it with PostgresAnalysisTables.Create (see docs/postgresql.md)");
        }
    }

    private static async Task<int> StoreResultsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, AnalysisDefinition analysis, long runId, CancellationToken cancellationToken)
    {
        var (columns, rows) = await ReadAllAsync(connection, transaction, analysis.Sql, cancellationToken).ConfigureAwait(false);
        var insert = new NpgsqlCommand(string.Create(CultureInfo.InvariantCulture,
            $"INSERT INTO {analysis.Table} (run_id, position, {string.Join(", ", columns)}) VALUES ($1, $2, {string.Join(", ", columns.Select((_, i) => $"${i + 3}"))})"),
            connection, transaction);
        await using (insert.ConfigureAwait(false))
        {
            for (var position = 1; position <= rows.Count; position++)
            {
                insert.Parameters.Clear();
                insert.Parameters.Add(new NpgsqlParameter { Value = runId });
                insert.Parameters.Add(new NpgsqlParameter { Value = position });
                foreach (var value in rows[position - 1])
                {
                    insert.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
                }

                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return rows.Count;
    }

    // The analysis's rows, read whole before they are stored: one command at a time on a connection.
    private static async Task<(string[] Columns, List<object?[]> Rows)> ReadAllAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        var select = new NpgsqlCommand(sql, connection, transaction);
        await using (select.ConfigureAwait(false))
        {
            var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
                var rows = new List<object?[]>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(columns.Select((_, i) => reader.IsDBNull(i) ? null : reader.GetValue(i)).ToArray());
                }

                return (columns, rows);
            }
        }
    }

    private static async Task<ResultTable> ReadResultsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, AnalysisDefinition analysis, long runId, CancellationToken cancellationToken)
    {
        var select = new NpgsqlCommand($"SELECT * FROM {analysis.Table} WHERE run_id = $1 ORDER BY position", connection, transaction);
        await using (select.ConfigureAwait(false))
        {
            select.Parameters.Add(new NpgsqlParameter { Value = runId });
            var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                // run_id and position are the table's bookkeeping, not results.
                var shown = Enumerable.Range(0, reader.FieldCount).Where(i => reader.GetName(i) is not ("run_id" or "position")).ToArray();
                var columns = shown.Select(reader.GetName).ToList();
                var rows = new List<IReadOnlyList<object?>>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(shown.Select(i => reader.IsDBNull(i) ? null : AsSqliteGivesIt(reader, i)).ToList());
                }

                return new ResultTable(analysis.Name, analysis.Title, columns, rows);
            }
        }
    }

    // Integers as long and days as ISO text, as the SQLite store returns them to the presentation.
    private static object AsSqliteGivesIt(NpgsqlDataReader reader, int column) => reader.GetDataTypeName(column) switch
    {
        "date" => reader.GetFieldValue<DateOnly>(column).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        "integer" or "smallint" or "bigint" => Convert.ToInt64(reader.GetValue(column), CultureInfo.InvariantCulture),
        _ => reader.GetValue(column),
    };

    private sealed record StoredRun(long Id, DateTime StartedAt, DateTime FinishedAt, long? LastImportId, int ImportsCovered, long SalesLines)
    {
        public AnalysisRunInfo ToInfo() => new(Id, Utc(StartedAt), Utc(FinishedAt), LastImportId, ImportsCovered, SalesLines);

        private static DateTimeOffset Utc(DateTime instant) => new(DateTime.SpecifyKind(instant, DateTimeKind.Utc));
    }
}
