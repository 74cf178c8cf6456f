namespace Sales.Domain.Sheets;

/// <summary>A line of a sheet that was not imported, and why.</summary>
/// <param name="LineNumber">1-based line number in the file.</param>
/// <param name="RawText">The line as written.</param>
/// <param name="Error">The column at fault and the reason.</param>
public sealed record RejectedLine(long LineNumber, string RawText, Parsing.RowError Error)
{
    /// <summary>The line as written, bounded (it is stored and printed; a line may be megabytes long).</summary>
    public string RawText { get; init; } = Limits.BoundedText.Cut(RawText);
}
