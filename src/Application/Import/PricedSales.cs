using System.Collections;
using Sales.Application.Abstractions;
using Sales.Application.Progress;
using Sales.Domain.Parsing;
using Sales.Domain.Sheets;

namespace Sales.Application.Import;

/// <summary>
/// The sales lines to store, in identity order, each with its product's price: the sheet's valid
/// lines but the orphans, made from the packed lines as they are enumerated (never copied), the price
/// looked up by reference rank, and counted on <see cref="WorkProgress"/> as the storing stage. One
/// enumerator rather than a chain of LINQ iterators: a re-import's merge enumerates a million of them,
/// and each link of a chain is two interface calls per line.
/// </summary>
internal sealed class PricedSales : IReadOnlyCollection<PricedSale>
{
    private readonly NumberedSales _lines;
    private readonly decimal[] _pricesByRank;
    private readonly IReadOnlyDictionary<long, RowError> _orphans;
    private readonly WorkProgress _progress;

    /// <param name="lines">The sheet's valid lines.</param>
    /// <param name="prices">The stored products' prices, by reference.</param>
    /// <param name="orphans">The lines left out, by line number: they name a product or store not stored.</param>
    /// <param name="progress">Counts the lines as they are enumerated.</param>
    public PricedSales(NumberedSales lines, IReadOnlyDictionary<string, decimal> prices, IReadOnlyDictionary<long, RowError> orphans, WorkProgress progress)
    {
        _lines = lines;
        _orphans = orphans;
        _progress = progress;

        // An orphan's reference may have no price: its lines are never priced.
        _pricesByRank = [.. lines.References.Select(reference => prices.GetValueOrDefault(reference))];
    }

    /// <summary>How many lines are enumerated.</summary>
    public int Count => _lines.Count - _orphans.Count;

    public IEnumerator<PricedSale> GetEnumerator() => new Enumerator(this);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed class Enumerator(PricedSales sales) : IEnumerator<PricedSale>
    {
        private int _index = -1;

        public PricedSale Current { get; private set; }

        object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            var lines = sales._lines;
            if (_index < 0)
            {
                // Each enumeration is the storing stage from zero again, as WorkProgress.Counting counts.
                sales._progress.Enter(WorkStage.Storing, SheetKind.Sales, sales.Count);
            }

            while (++_index < lines.Count)
            {
                if (sales._orphans.Count > 0 && sales._orphans.ContainsKey(lines.LineNumberAt(_index)))
                {
                    continue;
                }

                Current = new PricedSale(lines.IdentityAt(_index), sales._pricesByRank[lines.ReferenceRankAt(_index)]);
                sales._progress.Advance(1);
                return true;
            }

            return false;
        }

        public void Reset() => _index = -1;

        public void Dispose()
        {
        }
    }
}
