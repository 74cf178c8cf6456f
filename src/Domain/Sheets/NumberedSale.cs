using System.Collections;

namespace Sales.Domain.Sheets;

/// <summary>A valid sales line of the sheet with its identity.</summary>
/// <param name="LineNumber">1-based line number in the file.</param>
/// <param name="Identity">Canonical content and occurrence number.</param>
internal readonly record struct NumberedSale(long LineNumber, SaleIdentity Identity);
