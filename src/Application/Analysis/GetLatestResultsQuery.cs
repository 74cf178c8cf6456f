using MediatR;
using Sales.Application.Abstractions;

namespace Sales.Application.Analysis;

/// <summary>The results of the latest analysis run, ready to read (euros and two-decimal figures as decimals).</summary>
public sealed record GetLatestResultsQuery : IRequest<StoredResults>;

/// <summary>No analysis has run on this database yet.</summary>
public sealed class NoAnalysisRunException(string message) : Exception(message);

internal sealed class GetLatestResultsHandler(IAnalysisStore store) : IRequestHandler<GetLatestResultsQuery, StoredResults>
{
    public async Task<StoredResults> Handle(GetLatestResultsQuery request, CancellationToken cancellationToken)
    {
        var stored = await store.GetLatestAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new NoAnalysisRunException("no analysis run is stored yet: run 'analyze' (or 'run') first");
        return stored with { Tables = stored.Tables.Select(ResultPresentation.Present).ToList() };
    }
}
