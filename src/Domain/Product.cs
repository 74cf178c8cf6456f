namespace Sales.Domain;

/// <summary>A product of the catalogue, keyed by its reference.</summary>
/// <param name="Reference">The product key, e.g. <c>REF001</c>.</param>
/// <param name="Name">Display name.</param>
/// <param name="UnitPrice">Current unit price in euros, exact to the cent.</param>
/// <param name="Stock">Units in stock.</param>
public sealed record Product(string Reference, string Name, decimal UnitPrice, int Stock);
