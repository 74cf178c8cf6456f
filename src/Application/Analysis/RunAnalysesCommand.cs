using MediatR;

namespace Sales.Application.Analysis;

/// <summary>Runs every analysis on the stored sales and stores the results as a new run.</summary>
public sealed record RunAnalysesCommand : IRequest<AnalysisRunSummary>;
