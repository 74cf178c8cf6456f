using Sales.Domain.Sheets;

namespace Sales.Application.Abstractions;

/// <summary>
/// Opens a sheet from a local path or an http(s) URL: fetches it whole to local storage (so a
/// broken download fails before anything is written), detects its encoding and delimiter, and
/// maps its header onto the sheet's layout.
/// </summary>
internal interface ISheetReader
{
    /// <summary>
    /// Fetches and opens the sheet at <paramref name="location"/>, unless its source can tell it has
    /// not changed since <paramref name="known"/> (an http(s) source answering 304 Not Modified to a
    /// request conditional on the version's validators). With no known version, or a source that
    /// cannot be asked (a local file), the sheet is always opened.
    /// </summary>
    /// <exception cref="SheetSourceException">The source cannot be read, is not CSV, or lacks a column.</exception>
    Task<SheetOpening> OpenAsync(SheetKind kind, string location, SourceVersion? known, CancellationToken cancellationToken);
}
