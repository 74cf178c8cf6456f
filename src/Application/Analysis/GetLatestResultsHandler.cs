using MediatR;
using Sales.Application.Abstractions;

namespace Sales.Application.Analysis;

internal sealed class GetLatestResultsHandler(IAnalysisStore store) : IRequestHandler<GetLatestResultsQuery, StoredResults>
{
    public async Task<StoredResults> Handle(GetLatestResultsQuery request, CancellationToken cancellationToken)
    {
        var stored = await store.GetLatestAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new NoAnalysisRunException("no analysis run is stored yet: run 'analyze' (or 'run') first");
        return stored with { Tables = stored.Tables.Select(ResultPresentation.Present).ToList() };
    }
}
