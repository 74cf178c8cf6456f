namespace Sales.Application.Profiling;

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
