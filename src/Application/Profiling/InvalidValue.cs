namespace Sales.Application.Profiling;

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
