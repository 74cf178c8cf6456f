namespace Sales.Application.Watch;

/// <summary>Why a watch cycle failed.</summary>
/// <param name="Message">The error, one line, naming the file or URL at fault where known.</param>
/// <param name="DuringAnalyses">The import was stored; the analyses failed.</param>
/// <param name="DatabaseUnavailable">The database could not be created, opened or written (a configuration error at startup).</param>
public sealed record WatchCycleFailure(string Message, bool DuringAnalyses, bool DatabaseUnavailable)
{
    /// <summary>The error, bounded (it is printed on every cycle line).</summary>
    public string Message { get; init; } = Domain.Limits.BoundedText.Cut(Message);
}
