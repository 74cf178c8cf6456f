namespace Sales.Application.Profiling;

/// <summary>A line that repeats an earlier one exactly.</summary>
/// <param name="LineNumber">The repeating line.</param>
/// <param name="FirstLineNumber">The line it repeats.</param>
/// <param name="Values">Its values, comma-separated.</param>
public sealed record DuplicateLine(long LineNumber, long FirstLineNumber, string Values)
{
    /// <summary>Its values, bounded.</summary>
    public string Values { get; init; } = Domain.Limits.BoundedText.Cut(Values);
}
