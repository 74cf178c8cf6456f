using MediatR;
using Sales.Application.Abstractions;
using Sales.Application.Analysis;
using Sales.Application.Import;

namespace Sales.Application.Watch;

internal sealed class WatchCycleHandler(IMediator mediator, TimeProvider clock) : IRequestHandler<WatchCycleCommand, WatchCycleResult>
{
    public async Task<WatchCycleResult> Handle(WatchCycleCommand request, CancellationToken cancellationToken)
    {
        var startedAt = clock.GetUtcNow();
        ImportResult? import = null;
        try
        {
            import = await mediator.Send(request.Import, cancellationToken).ConfigureAwait(false);
            AnalysisRunSummary? analyses = null;
            if (request.AnalysesPending || WatchCycleResult.StoredSomethingNewIn(import))
            {
                analyses = await mediator.Send(new RunAnalysesCommand(), cancellationToken).ConfigureAwait(false);
            }

            return Finished(startedAt) with { Import = import, Analyses = analyses };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Finished(startedAt) with { Import = import, Interrupted = true };
        }
#pragma warning disable CA1031 // A watch outlives any one failure: every error of a cycle is reported and the next cycle runs.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            return Finished(startedAt) with
            {
                Import = import,
                Failure = new WatchCycleFailure(Describe(failure), DuringAnalyses: import is not null, failure is StoreUnavailableException),
            };
        }
    }

    private WatchCycleResult Finished(DateTimeOffset startedAt) => new(startedAt, clock.GetUtcNow() - startedAt);

    // The message only, never the exception's type: the line is for the user, not a stack trace.
    private static string Describe(Exception failure) => failure.Message.Split('\n')[0].Trim();
}
