using Sales.Domain.Sheets;

namespace Sales.Application.Abstractions;

/// <summary>
/// Opens a sheet from a local path or an http(s) URL: fetches it whole to local storage (so a
/// broken download fails before anything is written), detects its encoding and delimiter, and
/// maps its header onto the sheet's layout.
/// </summary>
internal interface ISheetReader
{
    /// <summary>Fetches and opens the sheet at <paramref name="location"/>.</summary>
    /// <exception cref="SheetSourceException">The source cannot be read, is not CSV, or lacks a column.</exception>
    Task<IOpenedSheet> OpenAsync(SheetKind kind, string location, CancellationToken cancellationToken);

    /// <summary>
    /// Fetches and opens the sheet unless its source can tell it has not changed since
    /// <paramref name="known"/> (an http(s) source answering 304 Not Modified to a conditional
    /// request). A reader that cannot ask always opens the sheet.
    /// </summary>
    /// <exception cref="SheetSourceException">The source cannot be read, is not CSV, or lacks a column.</exception>
    async Task<SheetOpening> OpenIfChangedAsync(SheetKind kind, string location, SourceVersion known, CancellationToken cancellationToken) =>
        SheetOpening.Opened(await OpenAsync(kind, location, cancellationToken).ConfigureAwait(false));
}

/// <summary>A fetched sheet, ready to be read line by line.</summary>
internal interface IOpenedSheet : IDisposable
{
    /// <summary>Which sheet this is.</summary>
    SheetKind Kind { get; }

    /// <summary>Where the sheet came from, redacted (<see cref="Sales.Domain.Text.SourceRedaction"/>): it is printed and stored.</summary>
    string Location { get; }

    /// <summary>SHA-256 of the fetched bytes, lower-case hex.</summary>
    string ContentHash { get; }

    /// <summary>The version fetched: its HTTP validators, when the source gave some, and its hash.</summary>
    SourceVersion Version => new(null, null, ContentHash);

    /// <summary>
    /// The data lines, in file order, values in layout order. Each line object is only valid until
    /// the next one is read.
    /// </summary>
    /// <exception cref="SheetSourceException">The file turns out malformed (e.g. an unbalanced quote).</exception>
    IEnumerable<ISheetLine> ReadLines();
}
