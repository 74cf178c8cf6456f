namespace Sales.Benchmark;

/// <summary>
/// Several runs of the same scenarios summed up as one: every figure (each contender's time and
/// peak RSS) is the median of its runs. Within a run the contenders alternate, so a slow spell of
/// a shared machine falls on all of them.
/// </summary>
internal static class Medians
{
    public static IReadOnlyList<ScenarioResult> Of(IReadOnlyList<IReadOnlyList<ScenarioResult>> runs)
    {
        var first = runs[0];
        return [.. first.Select((result, index) =>
        {
            var same = runs.Select(run => run[index]).ToList();
            return result with
            {
                Ours = Of(same.Select(r => r.Ours)),
                Baseline = result.Baseline is null ? null : Of(same.Select(r => r.Baseline!)),
                Floor = result.Floor is null ? null : Of(same.Select(r => r.Floor!)),
            };
        })];
    }

    private static Measurement Of(IEnumerable<Measurement> runs)
    {
        var list = runs.ToList();
        return new Measurement(
            list.Select(m => m.Elapsed).Order().ElementAt(list.Count / 2),
            list.Select(m => m.PeakRssBytes).Order().ElementAt(list.Count / 2),
            0,
            string.Empty);
    }
}
