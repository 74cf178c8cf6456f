using Sales.Domain;

namespace Sales.Application.Abstractions;

/// <summary>A sales line to store, with the product's unit price at import time.</summary>
/// <param name="Identity">Content and occurrence number.</param>
/// <param name="UnitPrice">The product's unit price when imported, so later price changes do not move past revenue.</param>
internal readonly record struct PricedSale(Sales.Domain.SaleIdentity Identity, decimal UnitPrice);
