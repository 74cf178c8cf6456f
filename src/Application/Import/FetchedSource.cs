using Sales.Application.Abstractions;
using Sales.Domain.Sheets;

namespace Sales.Application.Import;

/// <summary>One source of an import (its redacted location): the sheet fetched from it, or the version it is unchanged from.</summary>
internal sealed class FetchedSource(SheetKind kind, string location, IOpenedSheet? sheet, SourceVersion? unchangedVersion) : IDisposable
{
    public SheetKind Kind => kind;

    public string Location => location;

    /// <summary>The fetched sheet, to import; null when unchanged.</summary>
    public IOpenedSheet? Sheet => sheet;

    /// <summary>The version already imported, when the source did not change.</summary>
    public SourceVersion? UnchangedVersion => unchangedVersion;

    /// <summary>The version to remember once imported.</summary>
    public SourceVersion? Version => sheet?.Version ?? unchangedVersion;

    public void Dispose() => sheet?.Dispose();
}
