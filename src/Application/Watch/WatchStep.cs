namespace Sales.Application.Watch;

/// <summary>What follows a watch cycle; the host words it.</summary>
/// <param name="Wait">How long until the next cycle.</param>
/// <param name="Stop">
/// The watch must end (with a failure exit code): the database could not be used before any cycle
/// ever succeeded (a wrong path or permissions: retrying would only repeat the error).
/// </param>
public sealed record WatchStep(TimeSpan Wait, bool Stop)
{
    /// <summary>After a failed cycle: failed cycles in a row, this one included (from 2, the wait backs off); 0 after a success.</summary>
    public int FailuresInARow { get; init; }

    /// <summary>After a successful cycle: how many failed cycles in a row it ended; 0 when the one before succeeded too.</summary>
    public int RecoveredAfter { get; init; }
}
