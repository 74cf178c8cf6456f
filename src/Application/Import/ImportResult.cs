using Sales.Domain.Sheets;

namespace Sales.Application.Import;

/// <summary>What an import did.</summary>
/// <param name="ImportId">Id in the import log; null when nothing was logged (every source unchanged and <see cref="ImportSheetsCommand.LogWhenUnchanged"/> off).</param>
/// <param name="Sheets">One summary per sheet, products, stores then sales.</param>
public sealed record ImportResult(long? ImportId, IReadOnlyList<SheetImportSummary> Sheets)
{
    /// <summary>Sales lines stored by this import.</summary>
    public int NewSales => Sheets.Where(s => s.Kind == SheetKind.Sales).Sum(s => s.New);

    /// <summary>Whether a row was stored or changed, i.e. the analyses' input changed.</summary>
    internal bool StoredSomethingNew => Sheets.Any(s => s.New > 0 || s.Updated > 0);
}
