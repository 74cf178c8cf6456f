namespace Sales.Application.Abstractions;

/// <summary>
/// The stored sales' identities being read in the background while the sheets are parsed (see
/// <see cref="IImportStore.ReadStoredSalesAhead"/>); the Application only hands it to
/// <see cref="IImportStore.BeginAsync"/>. Disposing it stops the reading and releases what it
/// holds, unless a session took it over.
/// </summary>
internal interface IStoredSalesReadAhead : IAsyncDisposable;
