namespace Sales.Application.Profiling;

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
