using Sales.Domain.Sheets;

namespace Sales.Application.Abstractions;

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
    SourceVersion Version { get; }

    /// <summary>
    /// The data lines, in file order, values in layout order. Each line object is only valid until
    /// the next one is read.
    /// </summary>
    /// <exception cref="SheetSourceException">The file turns out malformed (e.g. an unbalanced quote).</exception>
    IEnumerable<ISheetLine> ReadLines();
}
