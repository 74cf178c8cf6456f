using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Sales.Application.Abstractions;
using Sales.Application.Analysis;

namespace Sales.Infrastructure.Persistence;

/// <summary>
/// The analysis port over SQLite. A run is one <c>BEGIN IMMEDIATE</c> transaction: every analysis
/// reads the same data (no import can commit in between) and the run is stored whole or not at all.
/// The sales are summed first, once for every analysis, into the run's summaries (<see cref="AnalysisSummaries"/>).
/// Each analysis's SELECT is read row by row and stored in <c>analysis_&lt;name&gt;</c> with the
/// run id and the row's position, so the runner needs nothing but the SQL file and its table.
/// </summary>
internal sealed class SqliteAnalysisStore(SqliteDatabase database, TimeProvider clock) : IAnalysisStore
{
    private const string RunColumns =
        "id AS Id, started_at AS StartedAt, finished_at AS FinishedAt, last_import_id AS LastImportId, imports_covered AS ImportsCovered, sales_lines AS SalesLines";

    public async Task<AnalysisRunSummary> RunAllAsync(DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var analyses = AnalysisCatalog.All;
                await CheckTablesAsync(connection, transaction, analyses).ConfigureAwait(false);

                // Summed once for the whole run (see AnalysisSummaries); the run's count of sales lines is read from them too.
                await AnalysisSummaries.CreateAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                var coverage = await connection.QuerySingleAsync<(long? LastImportId, long Imports)>(
                    "SELECT MAX(id), COUNT(*) FROM imports WHERE outcome = 'succeeded'", transaction: transaction).ConfigureAwait(false);
                var salesLines = await connection.ExecuteScalarAsync<long>(
                    "SELECT COALESCE(SUM(sales_lines), 0) FROM sales_by_day", transaction: transaction).ConfigureAwait(false);
                var started = SqliteText.Timestamp(startedAt);
                var runId = await connection.ExecuteScalarAsync<long>("""
                    INSERT INTO analysis_runs (started_at, finished_at, last_import_id, imports_covered, sales_lines, analyses)
                    VALUES (@started, @started, @lastImportId, @imports, @salesLines, @analyses) RETURNING id
                    """,
                    new { started, lastImportId = coverage.LastImportId, imports = coverage.Imports, salesLines, analyses = analyses.Count },
                    transaction).ConfigureAwait(false);

                var counts = await StoreAllAsync(connection, transaction, analyses, runId, cancellationToken).ConfigureAwait(false);
                await AnalysisSummaries.DropAsync(connection, transaction).ConfigureAwait(false);

                var finishedAt = clock.GetUtcNow();
                await connection.ExecuteAsync("UPDATE analysis_runs SET finished_at = @finished WHERE id = @runId",
                    new { finished = SqliteText.Timestamp(finishedAt), runId }, transaction).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

                var run = new AnalysisRunInfo(runId, startedAt, finishedAt, coverage.LastImportId, (int)coverage.Imports, salesLines);
                return new AnalysisRunSummary(run, counts);
            }
        }
    }

    public async Task<StoredResults?> GetLatestAsync(CancellationToken cancellationToken)
    {
        // Reading must not create an empty database where the user mistyped a path.
        if (!File.Exists(database.Path))
        {
            throw new StoreUnavailableException($"database '{database.Path}' does not exist: run 'import' and 'analyze' (or 'run') first");
        }

        // Reading never migrates: report works on a read-only file, and leaves a foreign one untouched.
        await database.EnsureReadableAsync(cancellationToken).ConfigureAwait(false);
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // One read transaction: the run and its tables are read from the same snapshot.
            var transaction = connection.BeginTransaction(deferred: true);
            await using (transaction.ConfigureAwait(false))
            {
                var run = await connection.QuerySingleOrDefaultAsync<StoredRun>(
                    $"SELECT {RunColumns} FROM analysis_runs ORDER BY id DESC LIMIT 1", transaction: transaction).ConfigureAwait(false);
                if (run is null)
                {
                    return null;
                }

                var tables = new List<ResultTable>();
                foreach (var analysis in AnalysisCatalog.All)
                {
                    tables.Add(await ReadResultsAsync(connection, transaction, analysis, run.Id, cancellationToken).ConfigureAwait(false));
                }

                return new StoredResults(run.ToInfo(), tables);
            }
        }
    }

    private static async Task CheckTablesAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<AnalysisDefinition> analyses)
    {
        var tables = (await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table'", transaction: transaction).ConfigureAwait(false))
            .ToHashSet(StringComparer.Ordinal);
        var missing = analyses.Where(a => !tables.Contains(a.Table)).Select(a => $"'{a.Table}' (for Analyses/*_{a.Name}.sql)").ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"no result table {string.Join(", ", missing)}: add a migration creating it with AnalysisTables.Create (see README, 'Adding an analysis')");
        }
    }

    private static async Task<List<AnalysisRowCount>> StoreAllAsync(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<AnalysisDefinition> analyses, long runId, CancellationToken cancellationToken)
    {
        var counts = new List<AnalysisRowCount>(analyses.Count);
        foreach (var analysis in analyses)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = await StoreResultsAsync(connection, transaction, analysis, runId, cancellationToken).ConfigureAwait(false);
            counts.Add(new AnalysisRowCount(analysis.Name, analysis.Title, rows));
        }

        return counts;
    }

    private static async Task<int> StoreResultsAsync(
        SqliteConnection connection, SqliteTransaction transaction, AnalysisDefinition analysis, long runId, CancellationToken cancellationToken)
    {
        using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = analysis.Sql;
        var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = string.Create(CultureInfo.InvariantCulture,
                $"INSERT INTO {analysis.Table} (run_id, position, {string.Join(", ", columns)}) VALUES ($run, $position, {string.Join(", ", columns.Select((_, i) => $"$c{i}"))})");
            insert.Parameters.AddWithValue("$run", runId);
            var position = insert.Parameters.Add("$position", SqliteType.Integer);
            var values = columns.Select((_, i) => insert.Parameters.Add($"$c{i}", SqliteType.Text)).ToArray();

            var rows = 0;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows++;
                position.Value = rows;
                for (var i = 0; i < values.Length; i++)
                {
                    var value = reader.GetValue(i);
                    values[i].SqliteType = value is long ? SqliteType.Integer : value is double ? SqliteType.Real : SqliteType.Text;
                    values[i].Value = value;
                }

                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return rows;
        }
    }

    private static async Task<ResultTable> ReadResultsAsync(
        SqliteConnection connection, SqliteTransaction transaction, AnalysisDefinition analysis, long runId, CancellationToken cancellationToken)
    {
        using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = $"SELECT * FROM {analysis.Table} WHERE run_id = $run ORDER BY position";
        select.Parameters.AddWithValue("$run", runId);
        var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            // run_id and position are the table's bookkeeping, not results.
            var shown = Enumerable.Range(0, reader.FieldCount).Where(i => reader.GetName(i) is not ("run_id" or "position")).ToArray();
            var columns = shown.Select(reader.GetName).ToList();
            var rows = new List<IReadOnlyList<object?>>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(shown.Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i)).ToList());
            }

            return new ResultTable(analysis.Name, analysis.Title, columns, rows);
        }
    }

    private sealed record StoredRun(long Id, string StartedAt, string FinishedAt, long? LastImportId, long ImportsCovered, long SalesLines)
    {
        public AnalysisRunInfo ToInfo() => new(Id, Parse(StartedAt), Parse(FinishedAt), LastImportId, (int)ImportsCovered, SalesLines);

        private static DateTimeOffset Parse(string timestamp) =>
            DateTimeOffset.Parse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
    }
}
