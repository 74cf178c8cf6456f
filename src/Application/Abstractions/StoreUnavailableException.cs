namespace Sales.Application.Abstractions;

/// <summary>The database cannot be created, opened or written.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
