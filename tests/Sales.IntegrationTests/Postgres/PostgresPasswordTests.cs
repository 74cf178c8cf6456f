using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Postgres;

/// <summary>
/// A role that must log in with a password (scram-sha-256): the password works from the URI, from
/// PGPASSWORD and from a password file, and is never printed nor stored; a wrong one fails in one line.
/// </summary>
[Trait("Category", "Slow")]
[Collection(OnPostgres.Name)]
public sealed class PostgresPasswordTests(PostgresServer server) : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    public static TheoryData<string> Ways => ["uri", "PGPASSWORD", "PGPASSFILE", "~/.pgpass"];

    [PostgresTheory]
    [MemberData(nameof(Ways))]
    public async Task The_password_is_taken_from_where_it_is_given_and_never_printed_nor_stored(string way)
    {
        var (role, password, database) = await CreatePasswordRoleAsync();
        var bare = $"postgresql://{role}@127.0.0.1:{server.Port}/{database.Name}";
        var passfile = _workspace.Write(".pgpass", $"127.0.0.1:{server.Port}:{database.Name}:{role}:{password.Replace(":", "\\:", StringComparison.Ordinal)}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(passfile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        var (uri, environment) = way switch
        {
            "uri" => ($"postgresql://{role}:{Uri.EscapeDataString(password)}@127.0.0.1:{server.Port}/{database.Name}", new Dictionary<string, string>()),
            "PGPASSWORD" => (bare, new Dictionary<string, string> { ["PGPASSWORD"] = password }),
            "PGPASSFILE" => (bare, new Dictionary<string, string> { ["PGPASSFILE"] = passfile }),
            _ => (bare, new Dictionary<string, string> { ["HOME"] = _workspace.Directory }),
        };

        var run = await TestDatabase.RunHostAsync(environment, "run", "--db", uri,
            "--products", Repository.Sample("produits.csv"), "--stores", Repository.Sample("magasins.csv"), "--sales", Repository.Sample("ventes.csv"));
        var report = await TestDatabase.RunHostAsync(environment, "report", "--db", uri);

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Contains("5268.78", report.StandardOutput, StringComparison.Ordinal);
        foreach (var text in new[] { run.StandardOutput, run.StandardError, report.StandardOutput, report.StandardError, await database.AllTextAsync() })
        {
            Assert.DoesNotContain(password, text, StringComparison.Ordinal);
        }
    }

    [PostgresFact]
    public async Task A_wrong_password_fails_in_one_line_showing_the_uri_without_it()
    {
        var (role, _, database) = await CreatePasswordRoleAsync();
        const string Wrong = "Wrong-Pa55word";

        var import = await TestDatabase.RunHostAsync(null, "import", "--db", $"postgresql://{role}:{Wrong}@127.0.0.1:{server.Port}/{database.Name}",
            "--products", Repository.Sample("produits.csv"));

        Assert.Equal(1, import.ExitCode);
        Assert.DoesNotContain(Wrong, import.StandardOutput + import.StandardError, StringComparison.Ordinal);
        Assert.Equal(
            $"error: database 'postgresql://{role}:***@127.0.0.1:{server.Port}/{database.Name}' cannot be opened: 28P01: password authentication failed for user \"{role}\"",
            import.StandardError.Trim());
    }

    private async Task<(string Role, string Password, TestDatabase Database)> CreatePasswordRoleAsync()
    {
        var role = "seller_" + Guid.NewGuid().ToString("N")[..8];
        var password = "S3cret:/@" + Guid.NewGuid().ToString("N");
        await server.ExecuteAsync($"CREATE ROLE {role} LOGIN PASSWORD '{password}' IN ROLE {PostgresServer.PasswordGroup}");
        return (role, password, await server.CreateDatabaseAsync(owner: role));
    }
}
