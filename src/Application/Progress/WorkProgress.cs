using Sales.Domain.Sheets;

namespace Sales.Application.Progress;

/// <summary>
/// How far long work (an import, a profile) has got, as counts only: the handlers and the adapters
/// move it on as they go, and a host that shows progress reads it from another thread a few times a
/// second (<see cref="Read"/>). One writer at a time moves it, so counting is a plain field increment:
/// no lock and no allocation per line, which keeps the hot path as fast with it as without.
/// </summary>
public sealed class WorkProgress
{
    private const long Unknown = -1;

    private int _stage;
    private int _sheet;
    private long _done;
    private long _expected = Unknown;

    /// <summary>Starts a stage on <paramref name="sheet"/>, its count at zero.</summary>
    public void Enter(WorkStage stage, SheetKind sheet, long? expected = null)
    {
        Volatile.Write(ref _done, 0);
        Volatile.Write(ref _expected, expected ?? Unknown);
        Volatile.Write(ref _sheet, (int)sheet);
        Volatile.Write(ref _stage, (int)stage);
    }

    /// <summary>Sets how many the current stage will count in all (a download's announced size).</summary>
    public void Expect(long expected) => Volatile.Write(ref _expected, expected);

    /// <summary>Counts <paramref name="count"/> more (bytes fetched).</summary>
    public void Advance(long count) => Volatile.Write(ref _done, _done + count);

    /// <summary>
    /// Starts <paramref name="stage"/> and counts the items of <paramref name="items"/> as they are
    /// enumerated; each enumeration counts from zero again.
    /// </summary>
    public IEnumerable<T> Counting<T>(WorkStage stage, SheetKind sheet, IEnumerable<T> items, long? expected = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        Enter(stage, sheet, expected);
        foreach (var item in items)
        {
            // Read by another thread only for display: a count one item late is harmless.
            _done++;
            yield return item;
        }
    }

    /// <summary>Where the work stands now; safe to call from any thread.</summary>
    public ProgressSnapshot Read()
    {
        var expected = Volatile.Read(ref _expected);
        return new ProgressSnapshot(
            (WorkStage)Volatile.Read(ref _stage),
            (SheetKind)Volatile.Read(ref _sheet),
            Volatile.Read(ref _done),
            expected == Unknown ? null : expected);
    }
}
