using System.Text;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Hardening;

/// <summary>
/// Sources whose URL carries a secret (<c>user:password@</c>, <c>?token=</c>, <c>X-Amz-Signature=</c>)
/// through the real host process and a real HTTP server on 127.0.0.1: the credentials are sent as
/// HTTP Basic authentication, and no output stream nor any table of the database holds a secret.
/// </summary>
public sealed class SecretsInSourcesTests : IAsyncLifetime, IDisposable
{
    private const string User = "reader";
    private const string Password = "Pa55-w0rd-SECRET";
    private const string Token = "T0K3N-SECRET-42";
    private const string Signature = "AMZSIG-SECRET-77";
    private static readonly string[] Secrets = [Password, Token, Signature];
    private static readonly string ExpectedAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}"));
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly Workspace _workspace = new();
    private readonly LocalHttpServer _server = new();

    public Task InitializeAsync()
    {
        ServeProtected($"/products.csv?token={Token}", Sheets.TwoProducts);
        ServeProtected($"/stores.csv?gid=1&access_token={Token}", Sheets.TwoStores);
        // One refused line, so that rejected_lines stores the source too.
        ServeProtected($"/sales.csv?gid=2&X-Amz-Signature={Signature}", Sheets.DistinctSales(5) + "2020-01-09,REF001,many,1\n");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _workspace.Dispose();

    [Trait("Category", "Slow")]
    [Fact]
    public async Task Credentials_are_sent_as_basic_authentication_also_on_conditional_requests_and_never_printed_or_stored()
    {
        var first = await RunHostAsync(["import", "--db", _workspace.DatabasePath, .. Sources()]);
        var again = await RunHostAsync(["import", "--db", _workspace.DatabasePath, .. Sources()]);

        Assert.True(first.ExitCode == 0, first.StandardError);
        Assert.True(again.ExitCode == 0, again.StandardError);
        Assert.DoesNotContain(_server.Answers, answer => answer.Status == 401);
        Assert.Equal([200, 200, 200, 304, 304, 304], _server.Answers.Select(answer => answer.Status));
        Assert.Contains($"http://{User}:***@127.0.0.1:", first.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("/products.csv?token=***", first.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("/sales.csv?gid=2&X-Amz-Signature=***", first.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("unchanged (304 Not Modified)", again.StandardOutput, StringComparison.Ordinal);
        AssertNoSecret(first.StandardOutput, first.StandardError, again.StandardOutput, again.StandardError, _workspace.Database.DumpEveryTable());
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task A_failing_source_is_named_redacted_in_the_error_and_the_import_log()
    {
        var gone = WithCredentials(_server.Url($"/gone.csv?key={Token}"));

        var failed = await RunHostAsync("import", "--db", _workspace.DatabasePath, "--products", Protected("/products.csv?token="), "--stores", Protected("/stores.csv?gid=1&access_token="), "--sales", gone);

        Assert.Equal(1, failed.ExitCode);
        Assert.Matches(@"^error: http://reader:\*\*\*@127\.0\.0\.1:\d+/gone\.csv\?key=\*\*\*: .*HTTP 404", failed.StandardError.Trim());
        Assert.Single(failed.StandardError.Trim().Split('\n'));
        AssertNoSecret(failed.StandardOutput, failed.StandardError, _workspace.Database.DumpEveryTable());
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task Profile_names_the_sources_redacted()
    {
        var profile = await RunHostAsync(["profile", .. Sources(), "--out", _workspace.Directory]);

        Assert.True(profile.ExitCode == 0, profile.StandardError);
        Assert.Contains("sales sheet: http://reader:***@127.0.0.1:", profile.StandardOutput, StringComparison.Ordinal);
        AssertNoSecret(profile.StandardOutput, profile.StandardError, File.ReadAllText(Path.Combine(_workspace.Directory, "profile.md")));
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task Watch_prints_its_banner_and_cycle_lines_redacted()
    {
        ServeProtected($"/sales.csv?gid=2&X-Amz-Signature={Signature}", Sheets.DistinctSales(5));
        var failing = WithCredentials(_server.Url($"/gone.csv?signature={Signature}"));
        using var host = RunningHost.Start(["watch", "--db", _workspace.DatabasePath, "--interval", "1h",
            "--products", Protected("/products.csv?token="), "--stores", Protected("/stores.csv?gid=1&access_token="), "--sales", failing]);

        var cycle = (await host.WaitForLinesAsync(line => line.Contains("failed:", StringComparison.Ordinal), 1, Patience))[0];
        host.Terminate();
        var exitCode = await host.WaitForExitAsync(Patience);

        Assert.True(exitCode == 0, host.Errors);
        Assert.StartsWith($"watching http://{User}:***@127.0.0.1:", host.Output.First(), StringComparison.Ordinal);
        Assert.Contains("/gone.csv?signature=***", cycle, StringComparison.Ordinal);
        AssertNoSecret(string.Join("\n", host.Output), host.Errors, _workspace.Database.DumpEveryTable());
    }

    [Fact]
    public async Task Credentials_are_not_forwarded_to_a_redirect_to_another_host()
    {
        await using var other = new LocalHttpServer();
        other.Serve("/sales.csv", Reply.Csv(Sheets.DistinctSales(5)));
        _server.Serve("/moved.csv", request => request.Headers.GetValueOrDefault("Authorization") == ExpectedAuthorization
            ? Reply.Redirect(other.Url("/sales.csv"))
            : Reply.Of(401));

        var result = await _workspace.ImportAsync(Protected("/products.csv?token="), Protected("/stores.csv?gid=1&access_token="), WithCredentials(_server.Url("/moved.csv")));

        Assert.Equal(5, result.NewSales);
        var redirected = Assert.Single(other.Requests);
        Assert.False(redirected.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task A_rotated_token_keeps_the_validators_stored_under_the_redacted_source()
    {
        ServeProtected("/products.csv?token=ROTATED-SECRET-43", Sheets.TwoProducts);
        await _workspace.ImportAsync(Protected("/products.csv?token="), null, null);

        var rotated = await _workspace.ImportAsync(WithCredentials(_server.Url("/products.csv?token=ROTATED-SECRET-43")), null, null);

        Assert.True(Assert.Single(rotated.Sheets).Unchanged);
        Assert.Equal(304, _server.Answers.Last().Status);
        Assert.Equal(1, _workspace.Database.Scalar("SELECT COUNT(*) FROM source_validators WHERE source LIKE '%/products.csv?token=***'"));
        Assert.DoesNotContain("ROTATED-SECRET-43", _workspace.Database.DumpEveryTable(), StringComparison.Ordinal);
    }

    // The URL of a protected path, ending with a parameter given the token.
    private string Protected(string pathEndingWithParameter) => WithCredentials(_server.Url(pathEndingWithParameter + Token));

    private string[] Sources() =>
    [
        "--products", Protected("/products.csv?token="),
        "--stores", Protected("/stores.csv?gid=1&access_token="),
        "--sales", WithCredentials(_server.Url($"/sales.csv?gid=2&X-Amz-Signature={Signature}")),
    ];

    private static string WithCredentials(string url) => url.Replace("http://", $"http://{User}:{Password}@", StringComparison.Ordinal);

    // Answers 401 without the right Basic credentials; otherwise the sheet, with an ETag and 304 when it matches.
    private void ServeProtected(string pathAndQuery, string csv)
    {
        var current = Reply.Csv(csv, etag: "\"v1\"");
        var unchanged = new Reply(304, []) { Headers = { ["ETag"] = "\"v1\"" } };
        _server.Serve(pathAndQuery, request =>
            request.Headers.GetValueOrDefault("Authorization") != ExpectedAuthorization ? Reply.Of(401)
            : request.Headers.GetValueOrDefault("If-None-Match") == "\"v1\"" ? unchanged
            : current);
    }

    private Task<HostProcess.Outcome> RunHostAsync(params string[] arguments) => HostProcess.RunInAsync(_workspace.Directory, arguments);

    private static void AssertNoSecret(params string[] texts)
    {
        foreach (var text in texts)
        {
            foreach (var secret in Secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"'{secret}' found in:\n{text}");
            }

            Assert.DoesNotContain(ExpectedAuthorization["Basic ".Length..], text, StringComparison.Ordinal);
        }
    }
}
