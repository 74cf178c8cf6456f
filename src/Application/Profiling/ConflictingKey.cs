namespace Sales.Application.Profiling;

/// <summary>A key listed twice with different values.</summary>
/// <param name="Key">The product reference or store id.</param>
/// <param name="FirstLineNumber">Where it is first listed.</param>
/// <param name="LineNumber">Where it is listed again differently.</param>
public sealed record ConflictingKey(string Key, long FirstLineNumber, long LineNumber)
{
    /// <summary>The key, bounded.</summary>
    public string Key { get; init; } = Domain.Limits.BoundedText.Cut(Key);
}
