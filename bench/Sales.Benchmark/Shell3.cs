namespace Sales.Benchmark;

/// <summary>Runs the sqlite3 shell on a database, one argument per statement or dot-command.</summary>
internal static class Shell3
{
    public static Measurement Run(string database, string expectedOutput, params string[] commands)
    {
        var run = MeasuredProcess.Run(SqliteShellBaseline.Shell, [database, .. commands]);
        return run.ExitCode == 0 && run.Output.Trim() == expectedOutput
            ? run
            : throw new InvalidOperationException($"sqlite3 failed (exit {run.ExitCode}):\n{run.Output}");
    }
}
