using System.Runtime.InteropServices;

namespace Sales.IntegrationTests.Support;

/// <summary>
/// Stops a process with SIGSTOP and resumes it with SIGCONT, so that a test can look at what the
/// process holds (a lock, an open transaction) while it cannot move on: what the test sees is still
/// true when it acts on it, however fast or slow the machine is.
/// </summary>
internal static class ProcessFreezer
{
    private const int SigKill = 9;
    private const int SigCont = 18;
    private const int SigStop = 19;

    /// <summary>Stops every thread of the process; false if it has already exited.</summary>
    public static async Task<bool> FreezeAsync(int processId)
    {
        if (NativeMethods.Kill(processId, SigStop) != 0)
        {
            return false;
        }

        // SIGSTOP is delivered to each thread asynchronously: wait until none of them still runs.
        using var safety = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var states = ThreadStates(processId);
            if (states.Count == 0 || states.Contains('Z') || states.Contains('X'))
            {
                return false;
            }

            if (states.All(state => state is 'T' or 't'))
            {
                return true;
            }

            await Task.Delay(1, safety.Token);
        }
    }

    public static void Thaw(int processId) => Send(processId, SigCont);

    /// <summary>SIGKILL: the process ends where it stands, as on a power cut or an OOM kill.</summary>
    public static void KillNow(int processId) => Send(processId, SigKill);

    private static void Send(int processId, int signal)
    {
        if (NativeMethods.Kill(processId, signal) != 0)
        {
            throw new InvalidOperationException($"kill({processId}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    // The state letter of each thread, read from /proc/PID/task/TID/stat ("tid (comm) S ...").
    private static List<char> ThreadStates(int processId)
    {
        var states = new List<char>();
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{processId}/task"))
            {
                try
                {
                    var stat = File.ReadAllText(Path.Combine(task, "stat"));
                    states.Add(stat[stat.LastIndexOf(')') + 2]);
                }
                catch (IOException)
                {
                    // The thread ended while we looked: it does not run any more either.
                }
            }
        }
        catch (DirectoryNotFoundException)
        {
        }

        return states;
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Kill(int pid, int signal);
    }
}
