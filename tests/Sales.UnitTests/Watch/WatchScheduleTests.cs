using Sales.Application.Import;
using Sales.Application.Watch;
using Sales.Domain.Sheets;

namespace Sales.UnitTests.Watch;

/// <summary>When the next cycle runs, after successes and failures (the host words it: WatchTests).</summary>
public class WatchScheduleTests
{
    private static readonly DateTimeOffset Noon = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ImportSheetsCommand Import = new("p.csv", "s.csv", "v.csv");

    private static WatchCycleResult Success(int newSales = 0) =>
        new(Noon, TimeSpan.FromSeconds(1))
        {
            Import = new ImportResult(1, [new SheetImportSummary(SheetKind.Sales, "v.csv", "hash", newSales, newSales, 0, 0, 0, [])]),
        };

    private static WatchCycleResult Failure(bool duringAnalyses = false, bool databaseUnavailable = false) =>
        new(Noon, TimeSpan.FromSeconds(1)) { Failure = new WatchCycleFailure("http://host/v.csv: 503 Service Unavailable", duringAnalyses, databaseUnavailable) };

    [Fact]
    public void Successful_cycles_follow_the_interval_silently()
    {
        var schedule = new WatchSchedule(TimeSpan.FromSeconds(30));

        var step = schedule.After(Success(newSales: 3));

        Assert.Equal(new WatchStep(TimeSpan.FromSeconds(30), Stop: false), step);
    }

    [Fact]
    public void Repeated_failures_double_the_wait_up_to_the_cap_and_say_so()
    {
        var schedule = new WatchSchedule(TimeSpan.FromSeconds(30), backoffCap: TimeSpan.FromMinutes(3));

        var waits = Enumerable.Range(0, 6).Select(_ => schedule.After(Failure())).ToList();

        Assert.Equal([30, 60, 120, 180, 180, 180], waits.Select(s => (int)s.Wait.TotalSeconds));
        Assert.All(waits, s => Assert.False(s.Stop));
        Assert.Equal([1, 2, 3, 4, 5, 6], waits.Select(s => s.FailuresInARow));
        Assert.Equal(6, schedule.ConsecutiveFailures);
    }

    [Fact]
    public void A_success_after_failures_resets_the_interval_and_says_so()
    {
        var schedule = new WatchSchedule(TimeSpan.FromMinutes(5));
        schedule.After(Failure());
        schedule.After(Failure());
        schedule.After(Failure());

        var recovered = schedule.After(Success());
        var next = schedule.After(Failure());

        Assert.Equal(TimeSpan.FromMinutes(5), recovered.Wait);
        Assert.Equal(3, recovered.RecoveredAfter);
        Assert.Equal(0, recovered.FailuresInARow);
        Assert.Equal(TimeSpan.FromMinutes(5), next.Wait);
        Assert.Equal(1, schedule.ConsecutiveFailures);
    }

    [Fact]
    public void An_interval_longer_than_the_cap_is_never_shortened()
    {
        var schedule = new WatchSchedule(TimeSpan.FromHours(2));

        schedule.After(Failure());
        var step = schedule.After(Failure());

        Assert.Equal(TimeSpan.FromHours(2), step.Wait);
    }

    [Fact]
    public void An_unusable_database_before_any_success_stops_the_watch()
    {
        var schedule = new WatchSchedule(TimeSpan.FromSeconds(30));

        var step = schedule.After(Failure(databaseUnavailable: true));

        Assert.True(step.Stop);
        Assert.Equal(0, step.FailuresInARow);
    }

    [Fact]
    public void An_unusable_database_after_a_success_is_a_transient_failure()
    {
        var schedule = new WatchSchedule(TimeSpan.FromSeconds(30));
        schedule.After(Success());

        var step = schedule.After(Failure(databaseUnavailable: true));

        Assert.False(step.Stop);
        Assert.Equal(TimeSpan.FromSeconds(30), step.Wait);
    }

    [Fact]
    public void Analyses_that_failed_after_a_stored_import_are_run_by_the_next_cycle_until_they_succeed()
    {
        var schedule = new WatchSchedule(TimeSpan.FromSeconds(30));
        Assert.False(schedule.NextCycle(Import).AnalysesPending);

        schedule.After(Failure(duringAnalyses: true));
        Assert.True(schedule.NextCycle(Import).AnalysesPending);

        schedule.After(Failure());
        Assert.True(schedule.NextCycle(Import).AnalysesPending);

        schedule.After(Success() with { Analyses = new(new(1, Noon, Noon, 1, 1, 0), []) });
        Assert.False(schedule.NextCycle(Import).AnalysesPending);
        Assert.Same(Import, schedule.NextCycle(Import).Import);
    }
}
