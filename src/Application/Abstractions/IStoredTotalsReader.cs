using Sales.Application.Import;

namespace Sales.Application.Abstractions;

/// <summary>Reads, from the database, what all imports have stored so far.</summary>
internal interface IStoredTotalsReader
{
    /// <summary>Counts and revenue of the stored rows; zeros for a new database.</summary>
    /// <exception cref="StoreUnavailableException">The database cannot be created or opened.</exception>
    Task<StoredTotals> ReadAsync(CancellationToken cancellationToken);
}
