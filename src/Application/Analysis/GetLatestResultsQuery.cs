using MediatR;

namespace Sales.Application.Analysis;

/// <summary>The results of the latest analysis run, ready to read (euros and two-decimal figures as decimals).</summary>
public sealed record GetLatestResultsQuery : IRequest<StoredResults>;
