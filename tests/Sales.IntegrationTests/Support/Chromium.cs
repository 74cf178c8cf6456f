namespace Sales.IntegrationTests.Support;

/// <summary>
/// The headless browser the report tests open pages in: Debian's <c>chromium</c> (<c>.ci/run</c> installs it).
/// Flags keep it off the network and free of background services: as root it needs <c>--no-sandbox</c>, and
/// without the background-networking flags it would try to reach Google's servers on start.
/// </summary>
internal static class Chromium
{
    /// <summary>Set by <c>.ci/run</c>: a missing browser is then a failure, not a skip.</summary>
    public const string RequiredVariable = "SALES_REQUIRE_BROWSER";

    public static string? Path { get; } = Find();

    public static IReadOnlyList<string> HeadlessArguments(string profileDirectory) =>
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--no-default-browser-check",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
        "--disable-default-apps", "--metrics-recording-only", "--mute-audio", "--hide-scrollbars",
        $"--user-data-dir={profileDirectory}",
    ];

    private static string? Find()
    {
        foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome" })
        {
            var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(directory => System.IO.Path.Combine(directory, name))
                .FirstOrDefault(File.Exists);
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }
}

/// <summary>A test that needs <see cref="Chromium"/>: skipped, saying why, when the browser is not installed (unless CI requires it).</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null && Environment.GetEnvironmentVariable(Chromium.RequiredVariable) != "1")
        {
            Skip = "chromium is not installed (apt-get install chromium, or run .ci/run, which installs it): the report is not opened in a real browser";
        }
    }
}
