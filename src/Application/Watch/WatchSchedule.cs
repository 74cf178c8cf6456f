using Sales.Application.Import;

namespace Sales.Application.Watch;

/// <summary>
/// When the next watch cycle runs: every <see cref="Interval"/> while
/// cycles succeed; after repeated failures the wait doubles per failure up to
/// <see cref="BackoffCap"/>, and the first success brings it back. No failure ends the watch,
/// except a database that cannot be used before any cycle ever succeeded (a wrong path or
/// permissions: retrying would only repeat the error).
/// </summary>
public sealed class WatchSchedule
{
    // The longest wait after repeated failures when none is given, unless the interval itself is longer.
    private static readonly TimeSpan DefaultBackoffCap = TimeSpan.FromMinutes(30);

    private bool _everSucceeded;

    /// <summary>A schedule of one cycle every <paramref name="interval"/>.</summary>
    public WatchSchedule(TimeSpan interval, TimeSpan? backoffCap = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        Interval = interval;
        BackoffCap = TimeSpan.FromTicks(Math.Max(interval.Ticks, (backoffCap ?? DefaultBackoffCap).Ticks));
    }

    /// <summary>The wait between cycles while they succeed.</summary>
    public TimeSpan Interval { get; }

    /// <summary>The longest wait after failures.</summary>
    public TimeSpan BackoffCap { get; }

    /// <summary>Failed cycles since the last success.</summary>
    public int ConsecutiveFailures { get; private set; }

    /// <summary>Data was stored but its analyses failed: the next cycle runs them whatever it stores.</summary>
    public bool AnalysesPending { get; private set; }

    /// <summary>The next cycle's command.</summary>
    public WatchCycleCommand NextCycle(ImportSheetsCommand import) => new(import) { AnalysesPending = AnalysesPending };

    /// <summary>Takes a finished cycle into account and says how long to wait before the next one.</summary>
    public WatchStep After(WatchCycleResult cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        if (cycle.Analyses is not null)
        {
            AnalysesPending = false;
        }

        if (cycle.Failure is not { } failure)
        {
            return AfterSuccess();
        }

        if (failure.DuringAnalyses)
        {
            AnalysesPending = true;
        }

        if (failure.DatabaseUnavailable && !_everSucceeded)
        {
            return new WatchStep(TimeSpan.Zero, Stop: true);
        }

        ConsecutiveFailures++;
        return new WatchStep(WaitAfter(ConsecutiveFailures), Stop: false) { FailuresInARow = ConsecutiveFailures };
    }

    private WatchStep AfterSuccess()
    {
        _everSucceeded = true;
        var failures = ConsecutiveFailures;
        ConsecutiveFailures = 0;
        return new WatchStep(Interval, Stop: false) { RecoveredAfter = failures };
    }

    // 1 failure: the interval; 2: twice; 3: four times; ... at most the cap.
    private TimeSpan WaitAfter(int failures)
    {
        var wait = Interval;
        for (var doubling = 1; doubling < failures && wait < BackoffCap; doubling++)
        {
            wait += wait;
        }

        return wait < BackoffCap ? wait : BackoffCap;
    }
}
