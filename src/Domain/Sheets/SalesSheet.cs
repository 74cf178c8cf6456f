using System.Collections;
using Sales.Domain.Dedup;
using Sales.Domain.Limits;
using Sales.Domain.Parsing;

namespace Sales.Domain.Sheets;

/// <summary>
/// Reads the sales sheet line by line, then (once the whole sheet is seen, because the order of
/// slashed days is decided from all of them) resolves the days and numbers identical lines.
/// A sheet has millions of lines and few distinct values, so each line is kept as five integers
/// (references interned as an index, days as a day number) rather than as objects.
/// </summary>
internal sealed class SalesSheet(SaleDayWindow window)
{
    // The lines as identity keys before their days are resolved and their references ranked
    // (Day holds a packed day, ReferenceRank the reference's index): Complete turns them into
    // identity keys in place, so the sheet is never held twice.
    private IdentityKey[] _pending = new IdentityKey[1024];
    private int _pendingCount;

    // Slashed days whose fate waits for the sheet's order: valid in one order only, or inside the window in one order only.
    private readonly Dictionary<int, (string RawText, string DateText)> _undecidedDays = [];
    private readonly List<RejectedLine> _rejected = [];
    private readonly DateOrderDetector _detector = new();
    private readonly List<string> _references = [];

    // Lines are read as characters (ISheetLine.Value): a string is made once per distinct reference and slashed day.
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _referenceIndex =
        new Dictionary<string, int>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _slashedDayTexts =
        new HashSet<string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Data lines read so far.</summary>
    public int LinesRead { get; private set; }

    /// <summary>Takes one line; a line that is not valid is recorded as rejected.</summary>
    public void Add(ISheetLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        LinesRead++;
        if (line.ReaderRefusal is { } refusal)
        {
            _rejected.Add(new RejectedLine(line.LineNumber, line.RawText, refusal));
            return;
        }

        if (!RowParsers.TryParseSale(line, out var sale, out var error) || !IsPlausible(sale.Date, line.Value(0), out error))
        {
            _rejected.Add(new RejectedLine(line.LineNumber, line.RawText, error));
            return;
        }

        var reference = ReferenceIndex(sale.ProductReference);
        var lineNumber = checked((int)line.LineNumber);
        var date = sale.Date.IsSlashed ? sale.Date.WithText(DayText(line.Value(0))) : sale.Date;
        if (date.IsSlashed && !(IsValidAndPlausible(date, DateOrder.DayFirst) && IsValidAndPlausible(date, DateOrder.MonthFirst)))
        {
            // Valid (or plausible) in one order only: may be refused once the sheet's order is known.
            _undecidedDays[lineNumber] = (line.RawText, date.Text!);
        }

        _detector.Observe(date);
        if (_pendingCount == _pending.Length)
        {
            Array.Resize(ref _pending, _pending.Length * 2);
        }

        _pending[_pendingCount++] = new IdentityKey(PackedDay.From(date), reference, sale.StoreId, sale.Quantity, lineNumber);
    }

    /// <summary>
    /// Resolves the days in the sheet's order (or <paramref name="forcedOrder"/>) and numbers the
    /// lines. Lines whose day is not a real day in that order are rejected.
    /// </summary>
    /// <exception cref="DateOrderException">The order of slashed days cannot be decided.</exception>
    public SalesSheetResult Complete(DateOrder? forcedOrder)
    {
        var order = _detector.Decide(forcedOrder) ?? DateOrder.DayFirst;
        var ranks = ReferenceRanks();
        var keys = _pending;
        var count = 0;
        for (var i = 0; i < _pendingCount; i++)
        {
            var line = keys[i];
            if (!PackedDay.TryResolve(line.Day, order, out var day) || !window.ContainsDayNumber(day))
            {
                var (rawText, dateText) = _undecidedDays[line.LineNumber];
                var reason = day < 0 ? DateToken.NotValidWhenReadAs(dateText, order) : window.OutsideReason(dateText, DateOnly.FromDayNumber(day));
                _rejected.Add(new RejectedLine(line.LineNumber, rawText, new RowError(SheetColumns.Day.Header, reason)));
                continue;
            }

            keys[count++] = line with { Day = day, ReferenceRank = ranks[line.ReferenceRank] };
        }

        _pending = [];
        _pendingCount = 0;
        _rejected.Sort((a, b) => a.LineNumber.CompareTo(b.LineNumber));
        var byRank = new string[_references.Count];
        for (var i = 0; i < byRank.Length; i++)
        {
            byRank[ranks[i]] = _references[i];
        }

        return new SalesSheetResult(LinesRead, new NumberedSales(keys, SortedOccurrenceNumbering.Number(keys, count), byRank), _rejected);
    }

    // A day outside the window in every order it can be read in is refused at once; one plausible in
    // one order only waits for the sheet's order (see _undecidedDays).
    private bool IsPlausible(DateToken date, ReadOnlySpan<char> text, out RowError error)
    {
        error = null!;
        if (IsValidAndPlausible(date, DateOrder.DayFirst) || IsValidAndPlausible(date, DateOrder.MonthFirst))
        {
            return true;
        }

        var order = date.IsValid(DateOrder.DayFirst) ? DateOrder.DayFirst : DateOrder.MonthFirst;
        error = new RowError(SheetColumns.Day.Header, window.OutsideReason(text.Trim().ToString(), date.Resolve(order)));
        return false;
    }

    // The index of a reference, its string made the first time it is seen.
    private int ReferenceIndex(ReadOnlySpan<char> reference)
    {
        if (!_referenceIndex.TryGetValue(reference, out var index))
        {
            index = _references.Count;
            var text = reference.ToString();
            _referenceIndex.Dictionary.Add(text, index);
            _references.Add(text);
        }

        return index;
    }

    // A slashed day as written (trimmed), one string per distinct text: it names the day in messages.
    private string DayText(ReadOnlySpan<char> value)
    {
        var trimmed = value.Trim();
        if (!_slashedDayTexts.TryGetValue(trimmed, out var text))
        {
            text = trimmed.ToString();
            _slashedDayTexts.Add(text);
        }

        return text;
    }

    private bool IsValidAndPlausible(DateToken date, DateOrder order) => date.IsValid(order) && window.Contains(date.Resolve(order));

    // The rank of each reference in identity order, so that sorting integers sorts references.
    private int[] ReferenceRanks()
    {
        var sorted = Enumerable.Range(0, _references.Count).ToArray();
        Array.Sort(sorted, (a, b) => IdentityOrder.CompareReferences(_references[a], _references[b]));
        var ranks = new int[sorted.Length];
        for (var rank = 0; rank < sorted.Length; rank++)
        {
            ranks[sorted[rank]] = rank;
        }

        return ranks;
    }

    /// <summary>A day as one integer: an ISO day as its day number, a slashed day still unresolved as a negative code.</summary>
    private static class PackedDay
    {
        public static int From(DateToken token) =>
            token.IsSlashed ? -1 - (((token.Year * 32) + token.First) * 32) - token.Second : token.Resolve(DateOrder.DayFirst).DayNumber;

        public static bool TryResolve(int packed, DateOrder order, out int dayNumber)
        {
            dayNumber = packed;
            if (packed >= 0)
            {
                return true;
            }

            var code = -1 - packed;
            var token = DateToken.Slashed((code / 32) % 32, code % 32, code / 1024, string.Empty);
            if (!token.IsValid(order))
            {
                return false;
            }

            dayNumber = token.Resolve(order).DayNumber;
            return true;
        }
    }
}
