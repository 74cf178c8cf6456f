namespace Sales.Benchmark;

/// <summary>One timed scenario: ours, the baseline's same job when it has one, and the bare import floor when measured.</summary>
internal sealed record ScenarioResult(string Scenario, long Lines, long Stored, Measurement Ours, Measurement? Baseline)
{
    /// <summary>The sqlite3 shell's bare <c>.import</c> of the same file into a keyless table (first and large only).</summary>
    public Measurement? Floor { get; init; }
}
