using Sales.Application.Abstractions;
using Sales.Application.Progress;
using Sales.Domain.Parsing;
using Sales.Domain.Sheets;

namespace Sales.Application.Import;

/// <summary>
/// Stores the lines of a sales sheet within an import: lines naming a product or store that is not
/// stored are refused as orphans, the others are priced and only the identities not stored yet added.
/// </summary>
internal static class SalesStoring
{
    public static async Task<SheetImportSummary> StoreAsync(
        IImportSession session, IOpenedSheet sheet, SalesSheetResult rows, bool strict, WorkProgress progress, CancellationToken cancellationToken)
    {
        // Known keys are read inside the transaction, after this import's own products and stores.
        var prices = await session.GetProductPricesAsync(cancellationToken).ConfigureAwait(false);
        var storeIds = await session.GetStoreIdsAsync(cancellationToken).ConfigureAwait(false);

        var orphans = FindOrphans(rows, prices, storeIds);

        // Streamed, not copied: a sheet has millions of lines, already in identity order.
        var priced = new PricedSales(rows.Lines, prices, orphans, progress);
        var pricedCount = priced.Count;

        var rejected = rows.Rejected;
        if (orphans.Count > 0)
        {
            rejected = [.. rejected.Concat(RawTextOf(sheet, orphans)).OrderBy(r => r.LineNumber)];
            if (strict)
            {
                SheetReading.FailOnRejected(sheet, rejected);
            }
        }

        var counts = await session.InsertNewSalesAsync(priced, cancellationToken).ConfigureAwait(false);
        return new SheetImportSummary(SheetKind.Sales, sheet.Location, sheet.ContentHash, rows.LinesRead,
            counts.Inserted, pricedCount - counts.Inserted, rejected.Count, 0, rejected)
        {
            StoredNotInSheet = counts.StoredNotInSheet,
        };
    }

    // Sales lines naming a product or a store that is not stored, by line number. Products are
    // checked once per distinct reference, then each line by its reference's rank.
    private static Dictionary<long, RowError> FindOrphans(SalesSheetResult rows, IReadOnlyDictionary<string, decimal> prices, IReadOnlySet<int> storeIds)
    {
        var lines = rows.Lines;
        var unknownProduct = lines.References.Select(reference => !prices.ContainsKey(reference)).ToArray();
        var orphans = new Dictionary<long, RowError>();
        for (var index = 0; index < lines.Count; index++)
        {
            var rank = lines.ReferenceRankAt(index);
            if (unknownProduct[rank])
            {
                orphans.Add(lines.LineNumberAt(index), new(SheetColumns.ProductReference.Header, $"unknown product '{lines.References[rank]}'"));
            }
            else if (!storeIds.Contains(lines.StoreIdAt(index)))
            {
                orphans.Add(lines.LineNumberAt(index), new(SheetColumns.StoreId.Header, $"unknown store '{lines.StoreIdAt(index)}'"));
            }
        }

        return orphans;
    }

    // Orphans are rare: their raw text is read back from the fetched file rather than kept for every line.
    private static List<RejectedLine> RawTextOf(IOpenedSheet sheet, Dictionary<long, RowError> errors)
    {
        var found = new List<RejectedLine>(errors.Count);
        foreach (var line in sheet.ReadLines())
        {
            if (errors.TryGetValue(line.LineNumber, out var error))
            {
                found.Add(new RejectedLine(line.LineNumber, line.RawText, error));
                if (found.Count == errors.Count)
                {
                    break;
                }
            }
        }

        return found;
    }
}
