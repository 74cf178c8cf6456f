using Sales.Application.Analysis;
using Sales.Application.Import;
using Sales.Application.Progress;

namespace Sales.Application.Run;

/// <summary>
/// The one place that imports then analyzes, for <c>run</c> and each <c>watch</c> cycle. A failed
/// import stops before the analyses: they never run on a half-imported extract. Analyses that fail
/// after the import was stored are reported with that import (<see cref="AnalysesFailedException"/>).
/// </summary>
internal sealed class ImportThenAnalyze(ISheetsImporter importer, IAnalysesRunner analyses, WorkProgress progress)
{
    /// <summary>
    /// Imports, then runs the analyses if <paramref name="analyzeAlways"/> or the import stored
    /// something new (the analyses' input changed); returns null analyses when they did not run.
    /// </summary>
    /// <exception cref="AnalysesFailedException">The import was stored; the analyses then failed or were cancelled.</exception>
    public async Task<ImportAndAnalyses> RunAsync(ImportSheetsCommand request, bool analyzeAlways, CancellationToken cancellationToken)
    {
        var imported = await importer.ImportAsync(request, cancellationToken).ConfigureAwait(false);
        if (!analyzeAlways && !imported.StoredSomethingNew)
        {
            return new ImportAndAnalyses(imported, null);
        }

        progress.Enter(WorkStage.Analyzing, default);
        try
        {
            return new ImportAndAnalyses(imported, await analyses.RunAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (Exception failure)
        {
            throw new AnalysesFailedException(imported, failure);
        }
    }
}
