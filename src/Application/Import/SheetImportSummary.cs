using Sales.Domain.Sheets;

namespace Sales.Application.Import;

/// <summary>What one import did with one sheet.</summary>
/// <param name="Kind">Which sheet.</param>
/// <param name="Source">Path or URL it was read from.</param>
/// <param name="ContentHash">SHA-256 of the bytes read.</param>
/// <param name="Read">Data lines read.</param>
/// <param name="New">Rows stored for the first time.</param>
/// <param name="Duplicate">Rows already stored as they are (for sales: identities already stored).</param>
/// <param name="Rejected">Lines refused, each recorded with its reason.</param>
/// <param name="Updated">Products or stores whose values changed.</param>
/// <param name="RejectedLines">The refused lines.</param>
public sealed record SheetImportSummary(
    SheetKind Kind,
    string Source,
    string ContentHash,
    int Read,
    int New,
    int Duplicate,
    int Rejected,
    int Updated,
    IReadOnlyList<RejectedLine> RejectedLines)
{
    /// <summary>
    /// The source is the version already imported (its server answered 304 Not Modified): it was
    /// not read again, and every count is zero.
    /// </summary>
    public bool Unchanged { get; init; }

    /// <summary>
    /// Sales sheet only: sales stored by earlier imports, dated between this sheet's first and last
    /// day, that the sheet does not have (any more). Lines edited or deleted at the source since
    /// (an edited line is also counted new in its new form), or stored from another sheet. They are
    /// kept: the sheet has no sale id to tell an edit from a new sale, so this is a warning.
    /// </summary>
    public int StoredNotInSheet { get; init; }

    /// <summary>A summary of a sheet found unchanged since <paramref name="version"/>.</summary>
    internal static SheetImportSummary OfUnchanged(SheetKind kind, string source, Abstractions.SourceVersion version) =>
        new(kind, source, version?.ContentSha256 ?? throw new ArgumentNullException(nameof(version)), 0, 0, 0, 0, 0, []) { Unchanged = true };
}
