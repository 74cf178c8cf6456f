using System.Diagnostics;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Docker;

/// <summary>
/// Runs the db service's scripts (build/db/*.sh) with /bin/sh, as its container does, against a
/// database and a backups folder on this machine.
/// </summary>
internal sealed class DbScripts(string databasePath, string backupDirectory, string statusPath)
{
    public sealed record Outcome(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n{Output}\n{Error}";
    }

    /// <summary>Extra environment for the next runs, e.g. SNAPSHOT_NOW or RESTORE_LOCK_TIMEOUT_MS.</summary>
    public Dictionary<string, string> Environment { get; } = [];

    public Task<Outcome> SnapshotAsync(params string[] arguments) => RunAsync("snapshot.sh", arguments);

    public Task<Outcome> RestoreAsync(params string[] arguments) => RunAsync("restore.sh", arguments);

    public Task<Outcome> HealthcheckAsync() => RunAsync("healthcheck.sh", []);

    private async Task<Outcome> RunAsync(string script, string[] arguments)
    {
        var start = new ProcessStartInfo("sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(Repository.Root, "build", "db", script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // APP_UID makes the scripts switch to the container's user: not here.
        start.Environment.Remove("APP_UID");
        start.Environment["DB_PATH"] = databasePath;
        start.Environment["BACKUP_DIR"] = backupDirectory;
        start.Environment["SNAPSHOT_STATUS"] = statusPath;
        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("sh did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // only a safety net against a hang: nothing here waits on time
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Outcome(process.ExitCode, await output, await error);
    }
}
