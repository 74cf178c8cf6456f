using Sales.Application.Import;

namespace Sales.Application.Run;

/// <summary>
/// The import was stored, then the analyses failed or were cancelled (<see cref="Exception.InnerException"/>):
/// the import's summary is still worth showing, and its data is kept.
/// </summary>
public sealed class AnalysesFailedException(ImportResult import, Exception failure)
    : Exception(failure?.Message, failure)
{
    /// <summary>The import that was stored before the analyses failed.</summary>
    public ImportResult Import { get; } = import;
}
