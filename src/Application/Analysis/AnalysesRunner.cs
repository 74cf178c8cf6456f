using Sales.Application.Abstractions;

namespace Sales.Application.Analysis;

/// <summary>
/// The analysis use case: checks the database, then runs every analysis as one stored run.
/// Shared by the <c>analyze</c> command and by <see cref="Run.ImportThenAnalyze"/>.
/// </summary>
internal sealed class AnalysesRunner(IStoreSchema schema, IAnalysisStore store, TimeProvider clock) : IAnalysesRunner
{
    public async Task<AnalysisRunSummary> RunAsync(CancellationToken cancellationToken)
    {
        await schema.PrepareAsync(cancellationToken).ConfigureAwait(false);
        return await store.RunAllAsync(clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }
}
