using MediatR;

namespace Sales.Application.Run;

internal sealed class RunHandler(ImportThenAnalyze importThenAnalyze) : IRequestHandler<RunCommand, ImportAndAnalyses>
{
    public Task<ImportAndAnalyses> Handle(RunCommand request, CancellationToken cancellationToken) =>
        importThenAnalyze.RunAsync(request.Import, analyzeAlways: true, cancellationToken);
}
