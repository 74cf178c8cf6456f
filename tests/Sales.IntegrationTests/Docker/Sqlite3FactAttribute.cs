using System.Diagnostics;

namespace Sales.IntegrationTests.Docker;

/// <summary>
/// A test that needs the sqlite3 shell on this machine (the db service's scripts use it). Skipped
/// with the reason when it is missing, except under CI (variable CI set), where .ci/run installs it
/// (build/apt-install.sh sqlite3) and its absence must fail the test instead of hiding it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class Sqlite3FactAttribute : FactAttribute
{
    public Sqlite3FactAttribute()
    {
        if (!IsInstalled && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = "the sqlite3 shell is not installed (bash build/apt-install.sh sqlite3)";
        }
    }

    private static bool IsInstalled { get; } = Probe();

    private static bool Probe()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("sqlite3", "-version") { RedirectStandardOutput = true, UseShellExecute = false });
            if (process is null)
            {
                return false;
            }

            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
