using MediatR;
using Sales.Application.Abstractions;

namespace Sales.Application.Analysis;

internal sealed class RunAnalysesHandler(IStoreSchema schema, IAnalysisStore store, TimeProvider clock) : IRequestHandler<RunAnalysesCommand, AnalysisRunSummary>
{
    public async Task<AnalysisRunSummary> Handle(RunAnalysesCommand request, CancellationToken cancellationToken)
    {
        await schema.PrepareAsync(cancellationToken).ConfigureAwait(false);
        return await store.RunAllAsync(clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }
}
