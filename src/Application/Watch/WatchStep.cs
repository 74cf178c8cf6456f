namespace Sales.Application.Watch;

/// <summary>What follows a watch cycle.</summary>
/// <param name="Wait">How long until the next cycle.</param>
/// <param name="Notice">What the user should know about the schedule (backing off, recovered, stopping); null when nothing changed.</param>
/// <param name="Stop">The watch must end (with a failure exit code).</param>
public sealed record WatchStep(TimeSpan Wait, string? Notice, bool Stop);
