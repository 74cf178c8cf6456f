namespace Sales.Domain.Parsing;

/// <summary>Why a line of a sheet is not valid: the column at fault and a reason a person can act on.</summary>
/// <param name="Column">Header of the column at fault, as the sheet names it.</param>
/// <param name="Reason">What is wrong with the value.</param>
public sealed record RowError(string Column, string Reason)
{
    /// <summary>What is wrong with the value, bounded (it may quote a value megabytes long).</summary>
    public string Reason { get; init; } = Limits.BoundedText.Cut(Reason);

    /// <inheritdoc />
    public override string ToString() => $"column '{Column}': {Reason}";
}
