namespace Sales.Domain;

/// <summary>
/// The canonical content of one sales line: parsed values, so the same day written
/// <c>2023-05-27</c> or <c>5/27/2023</c> is the same content. The sheet has no sale id.
/// </summary>
/// <param name="Date">Day of the sale.</param>
/// <param name="ProductReference">Reference of the product sold.</param>
/// <param name="Quantity">Units sold, at least one.</param>
/// <param name="StoreId">Store that sold them.</param>
public readonly record struct Sale(DateOnly Date, string ProductReference, int Quantity, int StoreId);
