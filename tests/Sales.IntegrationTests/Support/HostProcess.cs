using System.Diagnostics;

namespace Sales.IntegrationTests.Support;

/// <summary>Runs the real host binary as a separate process.</summary>
internal static class HostProcess
{
    public sealed record Outcome(int ExitCode, string StandardOutput, string StandardError);

    public static Task<Outcome> RunAsync(params string[] arguments) => RunInAsync(string.Empty, arguments);

    /// <summary>Runs the host in <paramref name="workingDirectory"/>, where it looks for appsettings.json.</summary>
    public static Task<Outcome> RunInAsync(string workingDirectory, params string[] arguments) =>
        RunInAsync(workingDirectory, new Dictionary<string, string>(), arguments);

    /// <summary>Runs the host with <paramref name="environment"/> added to (or overriding) this process's variables.</summary>
    public static async Task<Outcome> RunInAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = StartInfo(workingDirectory, arguments);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return new Outcome(process.ExitCode, await output, await error);
    }

    /// <summary>Starts the host, its output redirected, for a test that watches or kills it.</summary>
    public static Process Start(string workingDirectory, params string[] arguments) =>
        Process.Start(StartInfo(workingDirectory, arguments)) ?? throw new InvalidOperationException("dotnet did not start");

    /// <summary>
    /// How the host is started: <c>dotnet Sales.Host.dll ARGUMENTS</c>, output and errors redirected,
    /// through <c>env --default-signal=INT</c>: a test suite run in the background (a CI runner, a
    /// script's <c>&amp;</c>) inherits SIGINT ignored, and the host would then ignore the Ctrl+C a test
    /// sends. <c>env</c> execs dotnet, so the process id stays the host's.
    /// </summary>
    public static ProcessStartInfo StartInfo(string workingDirectory, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("/usr/bin/env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add("--default-signal=INT");
        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(Repository.HostDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
