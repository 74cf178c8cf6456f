using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Postgres;

/// <summary>The analyses on PostgreSQL: the same figures, to the cent, and the same report as on SQLite; every run kept.</summary>
[Trait("Category", "Slow")]
[Collection(OnPostgres.Name)]
public sealed class PostgresAnalysisTests(PostgresServer server) : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [PostgresFact]
    public async Task The_samples_give_the_same_report_as_on_sqlite()
    {
        var database = await server.CreateDatabaseAsync();
        var sqlite = _workspace.DatabasePath;
        string[] sources = ["--products", Repository.Sample("produits.csv"), "--stores", Repository.Sample("magasins.csv"), "--sales", Repository.Sample("ventes.csv")];

        Assert.Equal(0, (await HostProcess.RunAsync(["run", "--db", database.Uri, .. sources])).ExitCode);
        Assert.Equal(0, (await HostProcess.RunAsync(["run", "--db", sqlite, .. sources])).ExitCode);

        Assert.Equal(526878, await database.CountAsync("SELECT revenue_cents FROM latest_total_revenue"));
        foreach (var format in new[] { "table", "csv", "json", "markdown" })
        {
            var onPostgres = await HostProcess.RunAsync("report", "--db", database.Uri, "--format", format);
            var onSqlite = await HostProcess.RunAsync("report", "--db", sqlite, "--format", format);
            Assert.True(onPostgres.ExitCode == 0, onPostgres.StandardError);
            Assert.Equal(WithoutRunTimes(onSqlite.StandardOutput), WithoutRunTimes(onPostgres.StandardOutput));
        }

        Assert.Contains("5268.78", (await HostProcess.RunAsync("report", "--db", database.Uri)).StandardOutput, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Every_run_is_kept_and_the_latest_views_show_the_last_one()
    {
        var database = await server.CreateDatabaseAsync();
        await database.ImportSamplesAsync();
        Assert.Equal(0, (await HostProcess.RunAsync("analyze", "--db", database.Uri)).ExitCode);
        var more = _workspace.Write("v.csv", Sheets.Sales("2023-07-01,REF001,2,1"));
        await database.ImportAsync(Repository.Sample("produits.csv"), Repository.Sample("magasins.csv"), more);
        Assert.Equal(0, (await HostProcess.RunAsync("analyze", "--db", database.Uri)).ExitCode);

        Assert.Equal(2, await database.CountAsync("SELECT COUNT(*) FROM analysis_runs"));
        Assert.Equal(526878, await database.CountAsync("SELECT revenue_cents FROM analysis_total_revenue WHERE run_id = 1"));
        Assert.Equal(526878 + 9998, await database.CountAsync("SELECT revenue_cents FROM latest_total_revenue"));
        Assert.Equal(
            await database.CountAsync("SELECT COUNT(*) FROM analysis_revenue_by_day WHERE run_id = 2"),
            await database.CountAsync("SELECT COUNT(*) FROM latest_revenue_by_day"));
    }

    [PostgresFact]
    public async Task Report_on_a_database_without_the_schema_says_so_and_creates_nothing()
    {
        var database = await server.CreateDatabaseAsync();

        var report = await HostProcess.RunAsync("report", "--db", database.Uri);

        Assert.Equal(1, report.ExitCode);
        Assert.Contains("holds no sales data", report.StandardError, StringComparison.Ordinal);
        Assert.Equal(0, await database.CountAsync("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"));
    }

    // The run line and timestamps name when each run happened: everything else must be identical.
    private static string WithoutRunTimes(string output) =>
        string.Join("\n", output.Split('\n').Where(line =>
            !line.Contains("analysis run #", StringComparison.Ordinal) && !line.Contains("_at\"", StringComparison.Ordinal)));
}
