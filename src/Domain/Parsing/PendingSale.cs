namespace Sales.Domain.Parsing;

/// <summary>A parsed sales line whose day may still await the sheet's date order.</summary>
/// <param name="Date">The day as read.</param>
/// <param name="ProductReference">Product reference, trimmed.</param>
/// <param name="Quantity">Units sold, positive.</param>
/// <param name="StoreId">Store id.</param>
internal readonly record struct PendingSale(DateToken Date, string ProductReference, int Quantity, int StoreId);
