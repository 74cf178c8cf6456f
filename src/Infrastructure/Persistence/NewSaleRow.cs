namespace Sales.Infrastructure.Persistence;

/// <summary>The values of one new sales line as they are bound: day and reference as UTF-8 bytes (shared per distinct value).</summary>
internal readonly record struct NewSaleRow(byte[] Day, byte[] Reference, long StoreId, long Quantity, long Occurrence, long UnitPriceCents);
