using Sales.Domain;
using Sales.Domain.Sheets;

namespace Sales.Application.Import;

/// <summary>The lines of the fetched sheets, parsed and checked, before anything is stored; null for a sheet not fetched.</summary>
/// <param name="Products">Products by reference, with the refused lines.</param>
/// <param name="Stores">Stores by id, with the refused lines.</param>
/// <param name="Sales">Sales lines numbered by occurrence, in identity order, with the refused lines.</param>
internal sealed record ParsedSheets(KeyedSheet<string, Product>? Products, KeyedSheet<int, Store>? Stores, SalesSheetResult? Sales);
