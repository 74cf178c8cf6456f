using Sales.Application.Abstractions;
using Sales.Application.Progress;
using Sales.Domain.Limits;
using Sales.Domain.Parsing;
using Sales.Domain.Sheets;

namespace Sales.Application.Import;

/// <summary>Reads a fetched sheet's lines into checked rows, before anything is stored; errors name the source, line and column.</summary>
internal static class SheetReading
{
    public static KeyedSheet<TKey, TEntity> Read<TKey, TEntity>(IOpenedSheet sheet, KeyedSheet<TKey, TEntity> rows, WorkProgress progress)
        where TKey : notnull
        where TEntity : class
    {
        try
        {
            foreach (var line in progress.Counting(WorkStage.Reading, sheet.Kind, sheet.ReadLines()))
            {
                rows.Add(line);
            }
        }
        catch (ConflictingRowException conflict)
        {
            throw new SheetSourceException(sheet.Location, conflict.Message, conflict.LineNumber, conflict.Column, conflict);
        }

        return rows;
    }

    public static SalesSheetResult ReadSales(IOpenedSheet sheet, DateOrder? dateOrder, SaleDayWindow window, WorkProgress progress)
    {
        var rows = new SalesSheet(window);
        foreach (var line in progress.Counting(WorkStage.Reading, sheet.Kind, sheet.ReadLines()))
        {
            rows.Add(line);
        }

        progress.Enter(WorkStage.Sorting, sheet.Kind);

        try
        {
            return rows.Complete(dateOrder);
        }
        catch (DateOrderException undecided)
        {
            throw new SheetSourceException(sheet.Location, undecided.Message, column: SheetColumns.Day.Header, inner: undecided);
        }
    }

    public static void FailOnRejected(IOpenedSheet? sheet, IReadOnlyList<RejectedLine>? rejected)
    {
        if (sheet is null || rejected is null || rejected.Count == 0)
        {
            return;
        }

        var first = rejected[0];
        throw new SheetSourceException(sheet.Location,
            $"{first.Error.Reason} ({rejected.Count} line(s) refused and --strict is set: nothing was imported)",
            first.LineNumber, first.Error.Column);
    }
}
