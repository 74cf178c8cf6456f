using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Sales.Application.Abstractions;
using Sales.Application.Analysis;
using Sales.Application.Import;
using Sales.Application.Run;
using Sales.Application.Progress;
using Sales.Domain.Sheets;

namespace Sales.UnitTests.Run;

/// <summary>The one orchestration of import then analyze that <c>run</c> and <c>watch</c> share.</summary>
public class ImportThenAnalyzeTests
{
    private static readonly DateTimeOffset Noon = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ImportSheetsCommand Import = new("p.csv", "s.csv", "v.csv");
    private static readonly ImportResult NothingNew = new(1, [new SheetImportSummary(SheetKind.Sales, "v.csv", "hash", 3, 0, 3, 0, 0, [])]);

    private readonly ISheetsImporter _import = Substitute.For<ISheetsImporter>();
    private readonly IAnalysesRunner _analyze = Substitute.For<IAnalysesRunner>();

    public ImportThenAnalyzeTests()
    {
        _import.ImportAsync(Import, Arg.Any<CancellationToken>()).Returns(NothingNew);
        _analyze.RunAsync(Arg.Any<CancellationToken>())
            .Returns(new AnalysisRunSummary(new AnalysisRunInfo(7, Noon, Noon, 1, 1, 3), []));
    }

    [Fact]
    public async Task Run_analyzes_even_when_the_import_stored_nothing_new()
    {
        var done = await new RunHandler(new ImportThenAnalyze(_import, _analyze, new WorkProgress())).Handle(new RunCommand(Import), CancellationToken.None);

        Assert.Same(NothingNew, done.Import);
        Assert.Equal(7, done.Analyses?.Run.Id);
    }

    [Fact]
    public async Task A_failed_import_runs_no_analyses()
    {
        _import.ImportAsync(Import, Arg.Any<CancellationToken>()).ThrowsAsync(new SheetSourceException("v.csv", "file not found"));

        await Assert.ThrowsAsync<SheetSourceException>(() => new ImportThenAnalyze(_import, _analyze, new WorkProgress()).RunAsync(Import, analyzeAlways: true, CancellationToken.None));

        await _analyze.DidNotReceiveWithAnyArgs().RunAsync(default);
    }

    [Fact]
    public async Task Failing_analyses_come_with_the_stored_import_and_their_own_error()
    {
        _analyze.RunAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new StoreUnavailableException("disk full"));

        var failed = await Assert.ThrowsAsync<AnalysesFailedException>(() => new ImportThenAnalyze(_import, _analyze, new WorkProgress()).RunAsync(Import, analyzeAlways: true, CancellationToken.None));

        Assert.Same(NothingNew, failed.Import);
        Assert.IsType<StoreUnavailableException>(failed.InnerException);
        Assert.Equal("disk full", failed.Message);
    }
}
