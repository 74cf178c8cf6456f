namespace Sales.Application.Abstractions;

/// <summary>What an upsert changed.</summary>
/// <param name="Inserted">Rows that were not stored.</param>
/// <param name="Updated">Rows stored with other values, now updated.</param>
/// <param name="Unchanged">Rows stored with the same values.</param>
internal readonly record struct UpsertCounts(int Inserted, int Updated, int Unchanged);
