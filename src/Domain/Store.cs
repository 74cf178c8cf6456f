namespace Sales.Domain;

/// <summary>A store of the retail network, keyed by its id.</summary>
/// <param name="Id">The store key.</param>
/// <param name="City">City the store is in.</param>
/// <param name="Employees">Number of employees.</param>
public sealed record Store(int Id, string City, int Employees);
