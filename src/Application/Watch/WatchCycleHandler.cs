using MediatR;
using Sales.Application.Abstractions;
using Sales.Application.Import;
using Sales.Application.Run;

namespace Sales.Application.Watch;

internal sealed class WatchCycleHandler(ImportThenAnalyze importThenAnalyze, TimeProvider clock) : IRequestHandler<WatchCycleCommand, WatchCycleResult>
{
    public async Task<WatchCycleResult> Handle(WatchCycleCommand request, CancellationToken cancellationToken)
    {
        var startedAt = clock.GetUtcNow();
        try
        {
            var done = await importThenAnalyze.RunAsync(request.Import, analyzeAlways: request.AnalysesPending, cancellationToken).ConfigureAwait(false);
            return Finished(startedAt) with { Import = done.Import, Analyses = done.Analyses };
        }
        catch (AnalysesFailedException failed)
        {
            return Failed(startedAt, failed.Import, failed.InnerException!, cancellationToken);
        }
#pragma warning disable CA1031 // A watch outlives any one failure: every error of a cycle is reported and the next cycle runs.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            return Failed(startedAt, null, failure, cancellationToken);
        }
    }

    // A stop request is an interruption, not a failure: whatever had not been committed was rolled back.
    private WatchCycleResult Failed(DateTimeOffset startedAt, ImportResult? import, Exception failure, CancellationToken cancellationToken) =>
        failure is OperationCanceledException && cancellationToken.IsCancellationRequested
            ? Finished(startedAt) with { Import = import, Interrupted = true }
            : Finished(startedAt) with
            {
                Import = import,
                Failure = new WatchCycleFailure(Describe(failure), DuringAnalyses: import is not null, failure is StoreUnavailableException),
            };

    private WatchCycleResult Finished(DateTimeOffset startedAt) => new(startedAt, clock.GetUtcNow() - startedAt);

    // The message only, never the exception's type: the line is for the user, not a stack trace.
    private static string Describe(Exception failure) => failure.Message.Split('\n')[0].Trim();
}
