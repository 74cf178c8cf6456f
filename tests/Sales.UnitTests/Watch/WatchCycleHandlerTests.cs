using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Sales.Application.Abstractions;
using Sales.Application.Analysis;
using Sales.Application.Import;
using Sales.Application.Run;
using Sales.Application.Watch;
using Sales.Application.Progress;
using Sales.Domain.Sheets;

namespace Sales.UnitTests.Watch;

/// <summary>One watch cycle: when the analyses run, how failures and stops are reported, how long it took.</summary>
public class WatchCycleHandlerTests
{
    private static readonly DateTimeOffset Noon = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ImportSheetsCommand Import = new("p.csv", "s.csv", "v.csv");

    private readonly ISheetsImporter _import = Substitute.For<ISheetsImporter>();
    private readonly IAnalysesRunner _analyze = Substitute.For<IAnalysesRunner>();
    private readonly ManualClock _clock = new(Noon);

    public WatchCycleHandlerTests() =>
        _analyze.RunAsync(Arg.Any<CancellationToken>())
            .Returns(new AnalysisRunSummary(new AnalysisRunInfo(7, Noon, Noon, 1, 1, 0), []));

    private Task<WatchCycleResult> CycleAsync(bool analysesPending = false, CancellationToken cancellationToken = default) =>
        new WatchCycleHandler(new ImportThenAnalyze(_import, _analyze, new WorkProgress()), _clock).Handle(new WatchCycleCommand(Import) { AnalysesPending = analysesPending }, cancellationToken);

    private void ImportTakes(TimeSpan duration, params SheetImportSummary[] sheets) =>
        _import.ImportAsync(Import, Arg.Any<CancellationToken>()).Returns(_ =>
        {
            _clock.Advance(duration);
            return new ImportResult(1, sheets);
        });

    private static SheetImportSummary Sheet(SheetKind kind, int @new = 0, int updated = 0, int rejected = 0) =>
        new(kind, kind + ".csv", "hash", @new + rejected, @new, 0, rejected, updated, []);

    private static SheetImportSummary Unchanged(SheetKind kind) => SheetImportSummary.OfUnchanged(kind, kind + ".csv", new SourceVersion("\"v1\"", null, "hash"));

    [Fact]
    public async Task New_sales_lines_run_the_analyses_and_the_cycle_reports_its_time_and_duration()
    {
        ImportTakes(TimeSpan.FromSeconds(2), Sheet(SheetKind.Products), Sheet(SheetKind.Stores), Sheet(SheetKind.Sales, @new: 12));

        var cycle = await CycleAsync();

        Assert.True(cycle.Succeeded);
        Assert.Equal(12, cycle.NewSales);
        Assert.NotNull(cycle.Analyses);
        Assert.Equal(Noon, cycle.StartedAt);
        Assert.Equal(TimeSpan.FromSeconds(2), cycle.Duration);
        await _analyze.Received(1).RunAsync(Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task An_updated_product_price_runs_the_analyses()
    {
        ImportTakes(TimeSpan.Zero, Sheet(SheetKind.Products, updated: 1), Unchanged(SheetKind.Stores), Sheet(SheetKind.Sales));

        var cycle = await CycleAsync();

        Assert.True(cycle.StoredSomethingNew);
        await _analyze.Received(1).RunAsync(Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Unchanged_sources_run_no_analyses_and_read_as_unchanged()
    {
        ImportTakes(TimeSpan.FromMilliseconds(30), Unchanged(SheetKind.Products), Unchanged(SheetKind.Stores), Unchanged(SheetKind.Sales));

        var cycle = await CycleAsync();

        Assert.True(cycle.Succeeded);
        Assert.True(cycle.Unchanged);
        Assert.Null(cycle.Analyses);
        await _analyze.DidNotReceive().RunAsync(Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Sheets_read_again_with_only_duplicates_or_refused_lines_run_no_analyses()
    {
        ImportTakes(TimeSpan.Zero, Sheet(SheetKind.Products), Sheet(SheetKind.Stores), Sheet(SheetKind.Sales, rejected: 2));

        var cycle = await CycleAsync();

        Assert.False(cycle.Unchanged);
        Assert.False(cycle.StoredSomethingNew);
        await _analyze.DidNotReceive().RunAsync(Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Pending_analyses_run_even_when_nothing_new_is_stored()
    {
        ImportTakes(TimeSpan.Zero, Unchanged(SheetKind.Sales));

        var cycle = await CycleAsync(analysesPending: true);

        Assert.NotNull(cycle.Analyses);
    }

    [Fact]
    public async Task A_failing_import_is_reported_not_thrown_and_runs_no_analyses()
    {
        _import.ImportAsync(Import, Arg.Any<CancellationToken>()).ThrowsAsync(new SheetSourceException("http://host/v.csv", "HTTP 503 Service Unavailable"));

        var cycle = await CycleAsync();

        Assert.False(cycle.Succeeded);
        Assert.Equal(new WatchCycleFailure("http://host/v.csv: HTTP 503 Service Unavailable", DuringAnalyses: false, DatabaseUnavailable: false), cycle.Failure);
        await _analyze.DidNotReceive().RunAsync(Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task An_unusable_database_is_reported_as_such()
    {
        _import.ImportAsync(Import, Arg.Any<CancellationToken>()).ThrowsAsync(new StoreUnavailableException("database 'x.db': directory 'x' does not exist"));

        var cycle = await CycleAsync();

        Assert.True(cycle.Failure?.DatabaseUnavailable);
    }

    [Fact]
    public async Task Failing_analyses_after_a_stored_import_keep_the_import_in_the_result()
    {
        ImportTakes(TimeSpan.Zero, Sheet(SheetKind.Sales, @new: 4));
        _analyze.RunAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("disk full"));

        var cycle = await CycleAsync();

        Assert.Equal(4, cycle.NewSales);
        Assert.Equal(new WatchCycleFailure("disk full", DuringAnalyses: true, DatabaseUnavailable: false), cycle.Failure);
    }

    [Fact]
    public async Task A_stop_during_the_import_reports_an_interrupted_cycle_that_stored_nothing()
    {
        using var stop = new CancellationTokenSource();
        _import.ImportAsync(Import, Arg.Any<CancellationToken>()).Returns<ImportResult>(_ =>
        {
            stop.Cancel();
            throw new OperationCanceledException(stop.Token);
        });

        var cycle = await CycleAsync(cancellationToken: stop.Token);

        Assert.True(cycle.Interrupted);
        Assert.Null(cycle.Import);
        Assert.Null(cycle.Failure);
    }

    [Fact]
    public async Task A_timeout_that_is_not_a_stop_is_a_failure()
    {
        _import.ImportAsync(Import, Arg.Any<CancellationToken>()).ThrowsAsync(new TaskCanceledException("the download timed out"));

        var cycle = await CycleAsync();

        Assert.False(cycle.Interrupted);
        Assert.NotNull(cycle.Failure);
    }

    /// <summary>A clock that moves only when told.</summary>
    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public void Advance(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
