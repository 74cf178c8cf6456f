using System.Runtime.InteropServices;

namespace Sales.Host.Commands;

/// <summary>
/// SIGINT (Ctrl+C) and SIGTERM (<c>docker stop</c>) ask a long-running verb to stop: the first one
/// cancels <see cref="Token"/> and keeps the process alive (the runtime's default would end it at
/// once) until the verb has finished or rolled back its work. A second signal gets the default
/// handling and ends the process at once; SQLite still rolls an unfinished transaction back.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;
    private readonly Action<PosixSignal> _onStop;
    private int _received;

    public StopSignals(Action<PosixSignal> onStop)
    {
        _onStop = onStop;
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    public CancellationToken Token => _stop.Token;

    public bool Requested => _stop.IsCancellationRequested;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stop.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref _received) > 1)
        {
            return;
        }

        context.Cancel = true;
        _onStop(context.Signal);
        _stop.Cancel();
    }
}
