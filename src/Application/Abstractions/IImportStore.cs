using Sales.Domain;
using Sales.Application.Import;
using Sales.Domain.Sheets;

namespace Sales.Application.Abstractions;

/// <summary>The database an import writes to.</summary>
internal interface IImportStore
{
    /// <summary>Creates the database if needed and brings its schema up to date.</summary>
    /// <exception cref="StoreUnavailableException">The database cannot be created or opened for writing.</exception>
    Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The version of <paramref name="source"/> last imported as sheet <paramref name="kind"/>, if it
    /// still describes what the database holds: no other source of that sheet was imported since,
    /// and, for the sales sheet, no product or store was added since (a line refused then for an
    /// unknown product or store could be stored now). Null when there is none; a store that keeps
    /// no versions always answers null.
    /// </summary>
    Task<SourceVersion?> GetKnownVersionAsync(SheetKind kind, string source, CancellationToken cancellationToken) =>
        Task.FromResult<SourceVersion?>(null);

    /// <summary>Starts one import: everything written through the session is one transaction.</summary>
    Task<IImportSession> BeginAsync(DateTimeOffset startedAt, CancellationToken cancellationToken);

    /// <summary>
    /// Records, outside any import transaction, that an import failed and why; <paramref name="cancellationToken"/>
    /// bounds only the wait for another writer's lock (already cancelled: logged only if the database is free at once).
    /// </summary>
    Task RecordFailureAsync(DateTimeOffset startedAt, DateTimeOffset finishedAt, string message, CancellationToken cancellationToken);
}

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
    Task RecordVersionAsync(SheetKind kind, string source, SourceVersion version, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Makes the whole import durable and visible.</summary>
    Task CommitAsync(DateTimeOffset finishedAt, CancellationToken cancellationToken);
}

/// <summary>What an upsert changed.</summary>
/// <param name="Inserted">Rows that were not stored.</param>
/// <param name="Updated">Rows stored with other values, now updated.</param>
/// <param name="Unchanged">Rows stored with the same values.</param>
internal readonly record struct UpsertCounts(int Inserted, int Updated, int Unchanged);

/// <summary>What storing a sales sheet's lines found.</summary>
/// <param name="Inserted">Lines whose identity was not stored: stored now.</param>
/// <param name="StoredNotInSheet">
/// Stored sales, dated within the sheet's first and last day, whose identity the sheet does not
/// have (any more): lines edited or deleted at the source since, or stored from another sheet.
/// </param>
internal readonly record struct SalesInsertCounts(int Inserted, int StoredNotInSheet);

/// <summary>A sales line to store, with the product's unit price at import time.</summary>
/// <param name="Identity">Content and occurrence number.</param>
/// <param name="UnitPrice">The product's unit price when imported, so later price changes do not move past revenue.</param>
internal readonly record struct PricedSale(Sales.Domain.SaleIdentity Identity, decimal UnitPrice);

/// <summary>The database cannot be created, opened or written.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
