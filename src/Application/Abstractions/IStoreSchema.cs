namespace Sales.Application.Abstractions;

/// <summary>The database's schema, which every command that writes brings up to date first.</summary>
internal interface IStoreSchema
{
    /// <summary>Creates the database if needed and brings its schema up to date.</summary>
    /// <exception cref="StoreUnavailableException">The database cannot be created or opened for writing.</exception>
    Task PrepareAsync(CancellationToken cancellationToken);
}
