namespace Sales.Application.Import;

/// <summary>The three sources of one import, as fetched (each null when not asked for); disposing them deletes the fetched files.</summary>
internal sealed class FetchedSources : IDisposable
{
    public FetchedSource? Products { get; set; }

    public FetchedSource? Stores { get; set; }

    public FetchedSource? Sales { get; set; }

    /// <summary>The sources asked for, products, stores then sales.</summary>
    public IReadOnlyList<FetchedSource> Asked => new[] { Products, Stores, Sales }.OfType<FetchedSource>().ToList();

    /// <summary>The summaries of the sources found unchanged since the version last imported.</summary>
    public List<SheetImportSummary> UnchangedSummaries() =>
        Asked
            .Where(source => source.UnchangedVersion is not null)
            .Select(source => SheetImportSummary.OfUnchanged(source.Kind, source.Location, source.UnchangedVersion!))
            .ToList();

    public void Dispose()
    {
        Products?.Dispose();
        Stores?.Dispose();
        Sales?.Dispose();
    }
}
