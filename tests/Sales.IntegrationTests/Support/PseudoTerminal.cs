using System.Diagnostics;

namespace Sales.IntegrationTests.Support;

/// <summary>
/// Runs the real host with its stderr on a pseudo-terminal, as a person at a terminal sees it, and its
/// stdout in a file: <c>script</c> (util-linux) gives the command a pty and copies everything written
/// to it into this process. The terminal is an xterm, and the CI markers Spectre.Console looks for are
/// removed, so that what the host decides depends only on the test's own settings.
/// </summary>
internal static class PseudoTerminal
{
    public const string ScriptPath = "/usr/bin/script";

    // Variables by which Spectre.Console recognizes a CI runner (and then never animates).
    private static readonly string[] CiMarkers =
    [
        "APPVEYOR", "BITBUCKET_REPO_OWNER", "BITBUCKET_REPO_SLUG", "BITBUCKET_COMMIT", "BITRISE_BUILD_URL", "CI_SERVER",
        "GITHUB_ACTIONS", "GO_SERVER_URL", "JENKINS_URL", "TEAMCITY_VERSION", "TF_BUILD", "TRAVIS", "bamboo_buildNumber",
        "ContinuaCI.Version", "BuildRunner",
    ];

    /// <summary>What the terminal showed and what went to stdout.</summary>
    public sealed record Outcome(int ExitCode, string Terminal, string StandardOutput);

    public static bool IsAvailable => File.Exists(ScriptPath);

    public static async Task<Outcome> RunAsync(string directory, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var stdout = Path.Combine(directory, $"stdout-{Guid.NewGuid():N}.txt");
        using var process = Process.Start(StartInfo(directory, environment, arguments, stdout)) ?? throw new InvalidOperationException("script did not start");
        var terminal = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var safetyNet = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(safetyNet.Token);
        var shown = await terminal + await error;
        return new Outcome(process.ExitCode, shown, File.Exists(stdout) ? await File.ReadAllTextAsync(stdout) : string.Empty);
    }

    /// <summary>
    /// <c>script</c> running the host with <paramref name="arguments"/>, its stdout into <paramref name="stdoutPath"/>;
    /// what <c>script</c> reads on its stdin is typed on the terminal (Ctrl+C included).
    /// </summary>
    public static ProcessStartInfo StartInfo(string directory, IReadOnlyDictionary<string, string?> environment, string[] arguments, string stdoutPath)
    {
        var command = string.Join(' ', ["exec", "env", "--default-signal=INT", "dotnet", Quote(Repository.HostDll), .. arguments.Select(Quote)]) + " > " + Quote(stdoutPath);
        var start = new ProcessStartInfo(ScriptPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var argument in (string[])["-qfec", command, "/dev/null"])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["TERM"] = "xterm-256color";
        foreach (var marker in CiMarkers)
        {
            start.Environment.Remove(marker);
        }

        // A null value unsets the variable.
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return start;
    }

    // One word for sh, whatever it holds.
    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
