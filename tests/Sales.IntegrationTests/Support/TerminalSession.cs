using System.Diagnostics;
using System.Text;

namespace Sales.IntegrationTests.Support;

/// <summary>
/// The host running on a pseudo-terminal (see <see cref="PseudoTerminal"/>) while the test watches what the
/// terminal shows and types on it, as a person would: Ctrl+C goes through the terminal, which signals the host.
/// </summary>
internal sealed class TerminalSession : IDisposable
{
    private static readonly TimeSpan SafetyNet = TimeSpan.FromMinutes(1);

    private readonly Process _script;
    private readonly StringBuilder _shown = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Task _pump;

    private TerminalSession(Process script)
    {
        _script = script;
        _pump = PumpAsync();
    }

    /// <summary>Everything the terminal showed so far.</summary>
    public string Shown
    {
        get
        {
            lock (_shown)
            {
                return _shown.ToString();
            }
        }
    }

    public static TerminalSession Start(string directory, string stdoutPath, params string[] arguments) =>
        new(Process.Start(PseudoTerminal.StartInfo(directory, new Dictionary<string, string?>(), arguments, stdoutPath))
            ?? throw new InvalidOperationException("script did not start"));

    /// <summary>Waits until the terminal has shown <paramref name="text"/>; the timeout is only a safety net against a hang.</summary>
    public async Task WaitForAsync(string text, TimeSpan safetyNet)
    {
        using var deadline = new CancellationTokenSource(safetyNet);
        while (!Shown.Contains(text, StringComparison.Ordinal))
        {
            try
            {
                await _arrived.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"'{text}' not shown within {safetyNet}:\n{Shown}");
            }
        }
    }

    /// <summary>Types Ctrl+C: the terminal sends SIGINT to the host.</summary>
    public async Task PressControlCAsync()
    {
        await _script.StandardInput.WriteAsync('\u0003');
        await _script.StandardInput.FlushAsync();
    }

    public async Task<int> WaitForExitAsync(TimeSpan safetyNet)
    {
        using var deadline = new CancellationTokenSource(safetyNet);
        await _script.WaitForExitAsync(deadline.Token);
        await _pump;
        return _script.ExitCode;
    }

    public void Dispose()
    {
        if (!_script.HasExited)
        {
            _script.Kill(entireProcessTree: true);
            _script.WaitForExit();
        }

        // The pump ends with the terminal's output; it must not signal a disposed semaphore.
        _pump.ContinueWith(_ => { }, TaskScheduler.Default).Wait(SafetyNet);
        _script.Dispose();
        _arrived.Dispose();
    }

    private async Task PumpAsync()
    {
        var buffer = new char[4096];
        int read;
        while ((read = await _script.StandardOutput.ReadAsync(buffer)) > 0)
        {
            lock (_shown)
            {
                _shown.Append(buffer, 0, read);
            }

            _arrived.Release();
        }
    }
}
