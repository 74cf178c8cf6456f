namespace Sales.Application.Profiling;

/// <summary>How many sales lines name a product or store, and the first of them.</summary>
internal sealed class ReferenceTally
{
    private readonly List<long> _first = [];

    public int Lines { get; private set; }

    public IReadOnlyList<long> FirstLineNumbers => _first;

    public void Add(long lineNumber)
    {
        Lines++;
        if (_first.Count < 5)
        {
            _first.Add(lineNumber);
        }
    }
}
