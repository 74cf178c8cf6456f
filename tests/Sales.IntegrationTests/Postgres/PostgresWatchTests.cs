using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Postgres;

/// <summary><c>watch</c> on PostgreSQL, as on SQLite: the first cycle imports and analyses, the next stores nothing new, SIGTERM stops it cleanly.</summary>
[Trait("Category", "Slow")]
[Collection(OnPostgres.Name)]
public sealed class PostgresWatchTests(PostgresServer server)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [PostgresFact]
    public async Task Watch_imports_once_then_stores_nothing_new_and_stops_on_sigterm()
    {
        var database = await server.CreateDatabaseAsync();
        using var host = RunningHost.Start(
            "watch", "--db", database.Uri, "--products", Repository.Sample("produits.csv"), "--stores", Repository.Sample("magasins.csv"),
            "--sales", Repository.Sample("ventes.csv"), "--interval", "1s");

        var cycles = await host.WaitForLinesAsync(IsCycleLine, 2, Patience);
        host.Terminate();
        var exitCode = await host.WaitForExitAsync(Patience);

        Assert.True(exitCode == 0, host.Errors);
        Assert.Contains("  30 new lines, ", cycles[0], StringComparison.Ordinal);
        Assert.Contains("  0 new lines  (", cycles[1], StringComparison.Ordinal);
        Assert.Equal(30, await database.CountAsync("SELECT COUNT(*) FROM sales"));
        Assert.Equal(1, await database.CountAsync("SELECT COUNT(*) FROM analysis_runs"));
        Assert.Equal(3, await database.CountAsync("SELECT COUNT(*) FROM source_validators"));
    }

    // A cycle line starts with its UTC timestamp: "2026-11-26T04:00:00Z  ...".
    private static bool IsCycleLine(string line) =>
        line.Length > 22 && line.Contains("Z  ", StringComparison.Ordinal) && char.IsAsciiDigit(line[0]);
}
