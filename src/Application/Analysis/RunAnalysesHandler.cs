using MediatR;

namespace Sales.Application.Analysis;

internal sealed class RunAnalysesHandler(IAnalysesRunner runner) : IRequestHandler<RunAnalysesCommand, AnalysisRunSummary>
{
    public Task<AnalysisRunSummary> Handle(RunAnalysesCommand request, CancellationToken cancellationToken) =>
        runner.RunAsync(cancellationToken);
}
