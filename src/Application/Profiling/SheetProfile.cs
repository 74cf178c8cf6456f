using Sales.Domain.Sheets;

namespace Sales.Application.Profiling;

/// <summary>The profile of one sheet.</summary>
/// <param name="Kind">Which sheet.</param>
/// <param name="Source">Path or URL read.</param>
/// <param name="Lines">Data lines (header and blank lines excluded).</param>
/// <param name="Columns">One profile per required column, in layout order.</param>
/// <param name="DuplicateLines">Lines repeating an earlier line exactly (first ones listed).</param>
/// <param name="DuplicateLineCount">How many lines repeat an earlier line.</param>
/// <param name="ConflictingKeys">Products or stores whose key is listed again with other values.</param>
/// <param name="DateOrderNote">For the sales sheet, how slashed days were read when the sheet could not tell.</param>
public sealed record SheetProfile(
    SheetKind Kind,
    string Source,
    int Lines,
    IReadOnlyList<ColumnProfile> Columns,
    IReadOnlyList<DuplicateLine> DuplicateLines,
    int DuplicateLineCount,
    IReadOnlyList<ConflictingKey> ConflictingKeys,
    string? DateOrderNote)
{
    /// <summary>Lines the reader refuses whole (longer than the bound), the first ones, with their reason.</summary>
    public IReadOnlyList<InvalidValue> RefusedLines { get; init; } = [];

    /// <summary>How many lines the reader refuses whole.</summary>
    public int RefusedLineCount { get; init; }
}
