using Sales.Domain.Dedup;
using Sales.Domain.Parsing;

namespace Sales.Domain.Sheets;

/// <summary>A valid sales line of the sheet with its identity.</summary>
/// <param name="LineNumber">1-based line number in the file.</param>
/// <param name="Identity">Canonical content and occurrence number.</param>
internal readonly record struct NumberedSale(long LineNumber, SaleIdentity Identity);

/// <summary>
/// Reads the sales sheet line by line, then (once the whole sheet is seen, because the order of
/// slashed days is decided from all of them) resolves the days and numbers identical lines.
/// </summary>
internal sealed class SalesSheet
{
    private readonly List<(long Line, PendingSale Sale)> _pending = [];
    private readonly Dictionary<long, string> _rawTextOfSlashedLines = [];
    private readonly List<RejectedLine> _rejected = [];
    private readonly DateOrderDetector _detector = new();
    private readonly Dictionary<string, string> _references = new(StringComparer.Ordinal);

    /// <summary>Data lines read so far.</summary>
    public int LinesRead { get; private set; }

    /// <summary>Takes one line; a line that is not valid is recorded as rejected.</summary>
    public void Add(ISheetLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        LinesRead++;
        if (!RowParsers.TryParseSale(line.Values, out var sale, out var error))
        {
            _rejected.Add(new RejectedLine(line.LineNumber, line.RawText, error));
            return;
        }

        // One string per distinct reference, not per line: a sheet has millions of lines and few products.
        if (!_references.TryGetValue(sale.ProductReference, out var reference))
        {
            reference = sale.ProductReference;
            _references.Add(reference, reference);
        }

        var date = sale.Date;
        if (date.IsSlashed && !(date.IsValid(DateOrder.DayFirst) && date.IsValid(DateOrder.MonthFirst)))
        {
            // Valid in one order only: may be refused once the sheet's order is known.
            _rawTextOfSlashedLines[line.LineNumber] = line.RawText;
        }

        _detector.Observe(date);
        _pending.Add((line.LineNumber, sale with { ProductReference = reference }));
    }

    /// <summary>
    /// Resolves the days in the sheet's order (or <paramref name="forcedOrder"/>) and numbers the
    /// lines. Lines whose day is not a real day in that order are rejected.
    /// </summary>
    /// <exception cref="DateOrderException">The order of slashed days cannot be decided.</exception>
    public SalesSheetResult Complete(DateOrder? forcedOrder)
    {
        var order = _detector.Decide(forcedOrder) ?? DateOrder.DayFirst;
        var numbering = new OccurrenceNumbering();
        var lines = new List<NumberedSale>(_pending.Count);
        foreach (var (lineNumber, pending) in _pending)
        {
            if (!pending.Date.IsValid(order))
            {
                var reason = $"'{pending.Date.Text}' is not a valid date when read as {(order == DateOrder.DayFirst ? "d/M/yyyy" : "M/d/yyyy")}";
                _rejected.Add(new RejectedLine(lineNumber, _rawTextOfSlashedLines[lineNumber], new RowError(SheetLayout.Sales.Columns[0].Header, reason)));
                continue;
            }

            var sale = new Sale(pending.Date.Resolve(order), pending.ProductReference, pending.Quantity, pending.StoreId);
            lines.Add(new NumberedSale(lineNumber, numbering.Next(sale)));
        }

        _pending.Clear();
        _rejected.Sort((a, b) => a.LineNumber.CompareTo(b.LineNumber));
        return new SalesSheetResult(LinesRead, lines, _rejected);
    }
}

/// <summary>The sales sheet, read whole.</summary>
/// <param name="LinesRead">Data lines in the sheet (header excluded).</param>
/// <param name="Lines">Valid lines with their identities, in sheet order.</param>
/// <param name="Rejected">Lines refused, with their reason, in sheet order.</param>
internal sealed record SalesSheetResult(int LinesRead, IReadOnlyList<NumberedSale> Lines, IReadOnlyList<RejectedLine> Rejected);
