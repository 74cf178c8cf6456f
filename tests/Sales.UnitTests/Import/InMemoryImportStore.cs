using Sales.Application.Abstractions;
using Sales.Application.Import;
using Sales.Domain;
using Sales.Domain.Sheets;

namespace Sales.UnitTests.Import;

/// <summary>
/// The import port in memory, with the database's rules: identities are unique, and a session's
/// writes become visible only on commit.
/// </summary>
internal sealed class InMemoryImportStore : IImportStore
{
    public Dictionary<string, Product> Products { get; } = new(StringComparer.Ordinal);

    public Dictionary<int, Store> Stores { get; } = [];

    public Dictionary<SaleIdentity, decimal> Sales { get; } = [];

    public List<RejectedLine> Rejected { get; } = [];

    public List<string> Failures { get; } = [];

    private long _lastImportId;

    // Keeps no versions: every source is read in full.
    public Task<SourceVersion?> GetKnownVersionAsync(SheetKind kind, string source, CancellationToken cancellationToken) =>
        Task.FromResult<SourceVersion?>(null);

    // Nothing to read ahead: the session compares with the sales in memory.
    public IStoredSalesReadAhead? ReadStoredSalesAhead(CancellationToken cancellationToken) => null;

    public Task<IImportSession> BeginAsync(DateTimeOffset startedAt, IStoredSalesReadAhead? readAhead, CancellationToken cancellationToken) =>
        Task.FromResult<IImportSession>(new Session(this, ++_lastImportId));

    public Task RecordFailureAsync(DateTimeOffset startedAt, DateTimeOffset finishedAt, string message, CancellationToken cancellationToken)
    {
        Failures.Add(message);
        return Task.CompletedTask;
    }

    private sealed class Session(InMemoryImportStore store, long importId) : IImportSession
    {
        private readonly Dictionary<string, Product> _products = new(store.Products, StringComparer.Ordinal);
        private readonly Dictionary<int, Store> _stores = new(store.Stores);
        private readonly Dictionary<SaleIdentity, decimal> _sales = new(store.Sales);
        private readonly List<RejectedLine> _rejected = [.. store.Rejected];

        public long ImportId => importId;

        public Task<UpsertCounts> UpsertProductsAsync(IReadOnlyCollection<Product> products, CancellationToken cancellationToken) =>
            Task.FromResult(Upsert(_products, products, p => p.Reference));

        public Task<UpsertCounts> UpsertStoresAsync(IReadOnlyCollection<Store> stores, CancellationToken cancellationToken) =>
            Task.FromResult(Upsert(_stores, stores, s => s.Id));

        public Task<IReadOnlyDictionary<string, decimal>> GetProductPricesAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, decimal>>(_products.ToDictionary(p => p.Key, p => p.Value.UnitPrice));

        public Task<IReadOnlySet<int>> GetStoreIdsAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlySet<int>>(_stores.Keys.ToHashSet());

        // The port's definition, stated plainly: stored identities within the sheet's first and last
        // day that the sheet does not have are "not in the sheet".
        public Task<SalesInsertCounts> InsertNewSalesAsync(IEnumerable<PricedSale> sales, CancellationToken cancellationToken)
        {
            var sheet = sales.Select(sale => sale.Identity).ToHashSet();
            var notInSheet = 0;
            if (sheet.Count > 0)
            {
                var (first, last) = (sheet.Min(s => s.Content.Date), sheet.Max(s => s.Content.Date));
                notInSheet = _sales.Keys.Count(stored => stored.Content.Date >= first && stored.Content.Date <= last && !sheet.Contains(stored));
            }

            var inserted = sales.Count(sale => _sales.TryAdd(sale.Identity, sale.UnitPrice));
            return Task.FromResult(new SalesInsertCounts(inserted, notInSheet));
        }

        public Task RecordRejectedAsync(SheetKind kind, string source, IEnumerable<RejectedLine> lines, CancellationToken cancellationToken)
        {
            _rejected.AddRange(lines);
            return Task.CompletedTask;
        }

        public Task RecordSheetAsync(SheetImportSummary summary, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task RecordVersionAsync(SheetKind kind, string source, SourceVersion version, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task CommitAsync(DateTimeOffset finishedAt, CancellationToken cancellationToken)
        {
            Replace(store.Products, _products);
            Replace(store.Stores, _stores);
            Replace(store.Sales, _sales);
            store.Rejected.Clear();
            store.Rejected.AddRange(_rejected);
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private static UpsertCounts Upsert<TKey, TEntity>(Dictionary<TKey, TEntity> stored, IEnumerable<TEntity> rows, Func<TEntity, TKey> key)
            where TKey : notnull
        {
            int inserted = 0, updated = 0, unchanged = 0;
            foreach (var row in rows)
            {
                if (!stored.TryGetValue(key(row), out var current))
                {
                    inserted++;
                }
                else if (Equals(current, row))
                {
                    unchanged++;
                    continue;
                }
                else
                {
                    updated++;
                }

                stored[key(row)] = row;
            }

            return new UpsertCounts(inserted, updated, unchanged);
        }

        private static void Replace<TKey, TValue>(Dictionary<TKey, TValue> target, Dictionary<TKey, TValue> source)
            where TKey : notnull
        {
            target.Clear();
            foreach (var (key, value) in source)
            {
                target[key] = value;
            }
        }
    }
}
