using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Sales.IntegrationTests.Support;

/// <summary>
/// The real host binary running as a long-lived process (<c>watch</c>): its output lines as they
/// come, real POSIX signals, its exit code.
/// </summary>
internal sealed class RunningHost : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly SemaphoreSlim _lineArrived = new(0);

    private RunningHost(Process process) => _process = process;

    public IReadOnlyCollection<string> Output => _output;

    public string Errors => string.Join("\n", _errors);

    public static RunningHost Start(params string[] arguments) => Start(new Dictionary<string, string>(), arguments);

    /// <summary>Starts the host with <paramref name="environment"/> added to its environment.</summary>
    public static RunningHost Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var process = new Process { StartInfo = HostProcess.StartInfo(string.Empty, arguments) };
        foreach (var (name, value) in environment)
        {
            process.StartInfo.Environment[name] = value;
        }

        var host = new RunningHost(process);
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                host._output.Enqueue(line.Data);
                host._lineArrived.Release();
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                host._errors.Enqueue(line.Data);
                host._lineArrived.Release();
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits until <paramref name="count"/> output lines match; fails the test after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<string>> WaitForLinesAsync(Func<string, bool> match, int count, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var matching = _output.Where(match).ToList();
            if (matching.Count >= count)
            {
                return matching;
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the host exited ({_process.ExitCode}) before printing the expected lines:\n{string.Join("\n", _output)}\n{Errors}");
            }

            try
            {
                await _lineArrived.WaitAsync(TimeSpan.FromMilliseconds(200), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"expected lines not printed within {timeout}:\n{string.Join("\n", _output)}\n{Errors}");
            }
        }
    }

    /// <summary>Waits until an error line matches; fails the test after <paramref name="timeout"/>.</summary>
    public async Task<string> WaitForErrorLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            if (_errors.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the host exited ({_process.ExitCode}) before printing the expected error line:\n{Errors}");
            }

            try
            {
                await _lineArrived.WaitAsync(TimeSpan.FromMilliseconds(200), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"expected error line not printed within {timeout}:\n{Errors}");
            }
        }
    }

    /// <summary>Sends SIGINT, as Ctrl+C does.</summary>
    public void Interrupt() => Signal(NativeMethods.SIGINT);

    /// <summary>Sends SIGTERM, as <c>kill</c> and <c>docker stop</c> do.</summary>
    public void Terminate() => Signal(NativeMethods.SIGTERM);

    private void Signal(int signal)
    {
        if (NativeMethods.Kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(deadline.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        _lineArrived.Dispose();
    }

    private static class NativeMethods
    {
        public const int SIGINT = 2;

        public const int SIGTERM = 15;

        // libc's kill(2): no process or package needed to send the signal.
        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Kill(int pid, int signal);
    }
}
