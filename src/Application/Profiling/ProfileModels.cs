using Sales.Domain.Sheets;

namespace Sales.Application.Profiling;

/// <summary>What a profile found about the three sheets, and the same in sentences.</summary>
/// <param name="Sheets">One profile per sheet given, products, stores then sales.</param>
/// <param name="Sales">Cross-file facts about the sales; null without a sales sheet.</param>
/// <param name="Findings">The profile explained in sentences a client can read, most important first.</param>
public sealed record DataSetProfile(IReadOnlyList<SheetProfile> Sheets, SalesCoverage? Sales, IReadOnlyList<string> Findings);

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

/// <summary>The profile of one column.</summary>
/// <param name="Header">The column, as the layout names it.</param>
/// <param name="ExpectedType">What the import expects, e.g. <c>whole number &gt; 0</c>.</param>
/// <param name="InferredType">What the values look like: <c>whole number</c>, <c>decimal</c>, <c>date</c>, <c>text</c> or a mix.</param>
/// <param name="Count">Values (one per line).</param>
/// <param name="Missing">Blank values.</param>
/// <param name="Distinct">Distinct non-blank values.</param>
/// <param name="Min">Smallest valid value (numbers and days compared as such), null when none.</param>
/// <param name="Max">Largest valid value.</param>
/// <param name="Examples">The first few distinct values.</param>
/// <param name="InvalidCount">Values the import would refuse, blanks included.</param>
/// <param name="Invalid">The first invalid values with their line numbers.</param>
public sealed record ColumnProfile(
    string Header,
    string ExpectedType,
    string InferredType,
    int Count,
    int Missing,
    int Distinct,
    string? Min,
    string? Max,
    IReadOnlyList<string> Examples,
    int InvalidCount,
    IReadOnlyList<InvalidValue> Invalid)
{
    /// <summary>For the sales days, the days far from the sheet's bulk (first line of each; see FarDays), which the import accepts.</summary>
    public IReadOnlyList<InvalidValue> FarDays { get; init; } = [];

    /// <summary>Lines dated on one of the far days.</summary>
    public int FarDayLines { get; init; }

    /// <summary>For the sales days, where the bulk of the lines lies, e.g. <c>half of the lines fall from 2023-05-27 to 2023-06-12</c>.</summary>
    public string? Bulk { get; init; }
}

/// <summary>A value the import would refuse.</summary>
/// <param name="LineNumber">1-based line in the file.</param>
/// <param name="Value">The value as written.</param>
/// <param name="Reason">Why it is refused.</param>
public sealed record InvalidValue(long LineNumber, string Value, string Reason)
{
    /// <summary>The value as written, bounded (a value may be as long as a line).</summary>
    public string Value { get; init; } = Domain.Limits.BoundedText.Cut(Value);

    /// <summary>Why it is refused, bounded (it may quote the value).</summary>
    public string Reason { get; init; } = Domain.Limits.BoundedText.Cut(Reason);
}

/// <summary>A line that repeats an earlier one exactly.</summary>
/// <param name="LineNumber">The repeating line.</param>
/// <param name="FirstLineNumber">The line it repeats.</param>
/// <param name="Values">Its values, comma-separated.</param>
public sealed record DuplicateLine(long LineNumber, long FirstLineNumber, string Values)
{
    /// <summary>Its values, bounded.</summary>
    public string Values { get; init; } = Domain.Limits.BoundedText.Cut(Values);
}

/// <summary>A key listed twice with different values.</summary>
/// <param name="Key">The product reference or store id.</param>
/// <param name="FirstLineNumber">Where it is first listed.</param>
/// <param name="LineNumber">Where it is listed again differently.</param>
public sealed record ConflictingKey(string Key, long FirstLineNumber, long LineNumber)
{
    /// <summary>The key, bounded.</summary>
    public string Key { get; init; } = Domain.Limits.BoundedText.Cut(Key);
}

/// <summary>Cross-file facts about the sales sheet.</summary>
/// <param name="FirstDay">First day with a sale.</param>
/// <param name="LastDay">Last day with a sale.</param>
/// <param name="DaysInRange">Calendar days from first to last day, both included.</param>
/// <param name="DaysCovered">Days with at least one sale.</param>
/// <param name="MissingDays">Days of the range without any sale.</param>
/// <param name="Orphans">Values of sales lines naming a product or store the other sheets do not list; empty when that sheet was not given.</param>
/// <param name="ProductsWithoutSales">Products of the catalogue never sold in the sheet.</param>
/// <param name="StoresWithoutSales">Stores without any sale in the sheet.</param>
public sealed record SalesCoverage(
    DateOnly? FirstDay,
    DateOnly? LastDay,
    int DaysInRange,
    int DaysCovered,
    IReadOnlyList<DateOnly> MissingDays,
    IReadOnlyList<OrphanReference> Orphans,
    IReadOnlyList<string> ProductsWithoutSales,
    IReadOnlyList<string> StoresWithoutSales);

/// <summary>A product reference or store id the sales sheet names but its sheet does not list.</summary>
/// <param name="Column">The sales column holding it.</param>
/// <param name="Value">The unknown reference or id.</param>
/// <param name="Lines">How many sales lines name it.</param>
/// <param name="FirstLineNumbers">The first of those lines.</param>
public sealed record OrphanReference(string Column, string Value, int Lines, IReadOnlyList<long> FirstLineNumbers)
{
    /// <summary>The unknown reference or id, bounded.</summary>
    public string Value { get; init; } = Domain.Limits.BoundedText.Cut(Value);
}
