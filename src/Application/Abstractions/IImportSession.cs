using Sales.Application.Import;
using Sales.Domain;
using Sales.Domain.Sheets;

namespace Sales.Application.Abstractions;

/// <summary>
/// One import, one transaction: nothing is visible to others before <see cref="CommitAsync"/>,
/// and disposing an uncommitted session rolls everything back.
/// </summary>
internal interface IImportSession : IAsyncDisposable
{
    /// <summary>Id of this import in the import log.</summary>
    long ImportId { get; }

    /// <summary>Inserts new products and updates changed ones.</summary>
    Task<UpsertCounts> UpsertProductsAsync(IReadOnlyCollection<Product> products, CancellationToken cancellationToken);

    /// <summary>Inserts new stores and updates changed ones.</summary>
    Task<UpsertCounts> UpsertStoresAsync(IReadOnlyCollection<Store> stores, CancellationToken cancellationToken);

    /// <summary>Current unit price of every stored product, by reference.</summary>
    Task<IReadOnlyDictionary<string, decimal>> GetProductPricesAsync(CancellationToken cancellationToken);

    /// <summary>Ids of every stored store.</summary>
    Task<IReadOnlySet<int>> GetStoreIdsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores the sales whose identity is not stored yet; returns how many were new, and how many
    /// stored sales dated from the first to the last day of <paramref name="sales"/> are not among
    /// them. The sales come in identity order (see <see cref="Sales.Domain.Dedup.IdentityOrder"/>)
    /// and may be enumerated more than once.
    /// </summary>
    Task<SalesInsertCounts> InsertNewSalesAsync(IEnumerable<PricedSale> sales, CancellationToken cancellationToken);

    /// <summary>Records refused lines of a sheet with their reason.</summary>
    Task RecordRejectedAsync(SheetKind kind, string source, IEnumerable<RejectedLine> lines, CancellationToken cancellationToken);

    /// <summary>Writes the import log row of one sheet.</summary>
    Task RecordSheetAsync(SheetImportSummary summary, CancellationToken cancellationToken);

    /// <summary>Remembers, with this import, the version of a source it read or found unchanged.</summary>
    Task RecordVersionAsync(SheetKind kind, string source, SourceVersion version, CancellationToken cancellationToken);

    /// <summary>Makes the whole import durable and visible.</summary>
    Task CommitAsync(DateTimeOffset finishedAt, CancellationToken cancellationToken);
}
