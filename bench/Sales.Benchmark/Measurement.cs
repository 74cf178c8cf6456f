namespace Sales.Benchmark;

/// <summary>What one whole process took.</summary>
/// <param name="Elapsed">Wall time from start to exit.</param>
/// <param name="PeakRssBytes">Peak resident set size (VmHWM) of the process.</param>
/// <param name="ExitCode">Exit code.</param>
/// <param name="Output">Standard output and error.</param>
internal sealed record Measurement(TimeSpan Elapsed, long PeakRssBytes, int ExitCode, string Output);
