namespace Sales.Domain.Parsing;

/// <summary>
/// What a column accepts and why a value is refused, declared once on the column
/// (<see cref="Sheets.SheetColumn.Rule"/>) and applied alike by the import's row parsers and the profile.
/// Days are read by <see cref="ValueParser.TryParseDate(string?, out DateToken, out string)"/>: their order and window depend on the whole sheet.
/// </summary>
/// <param name="Kind">The kind of value.</param>
/// <param name="Subject">What the value is, as messages name it (<c>quantity</c>).</param>
internal sealed record ColumnRule(ColumnValueKind Kind, string Subject)
{
    /// <summary>Smallest whole number accepted: 1 (positive) or 0.</summary>
    public long Minimum { get; private init; }

    /// <summary>Largest number accepted (<see cref="ValueRanges"/>).</summary>
    public decimal Maximum
    {
        get => _maximum;
        private init
        {
            _maximum = value;
            _wholeMaximum = value >= long.MaxValue ? long.MaxValue : (long)decimal.Floor(value);
        }
    }

    // Maximum for whole numbers, compared as integers on every line rather than as decimals.
    private readonly decimal _maximum = decimal.MaxValue;
    private readonly long _wholeMaximum = long.MaxValue;

    /// <summary>A blank value is refused as "<c>subject is blank</c>" rather than as a missing number (an id).</summary>
    public bool NamesBlank { get; private init; }

    /// <summary>The day of a sales line.</summary>
    public static ColumnRule Day { get; } = new(ColumnValueKind.Day, "day");

    /// <summary>Text that must not be blank.</summary>
    public static ColumnRule Text(string subject) => new(ColumnValueKind.Text, subject);

    /// <summary>A whole number from <paramref name="minimum"/> (0 or 1) to <paramref name="maximum"/>.</summary>
    public static ColumnRule WholeNumber(string subject, long minimum, decimal maximum, bool namesBlank = false) =>
        new(ColumnValueKind.WholeNumber, subject) { Minimum = minimum, Maximum = maximum, NamesBlank = namesBlank };

    /// <summary>An amount of euros from 0 to <paramref name="maximum"/>.</summary>
    public static ColumnRule Amount(string subject, decimal maximum) =>
        new(ColumnValueKind.Amount, subject) { Maximum = maximum };

    /// <summary>The value trimmed, unless it is blank.</summary>
    public bool TryReadText(string value, out string text, out string reason)
    {
        text = value.Trim();
        reason = text.Length == 0 ? $"{Subject} is blank" : string.Empty;
        return text.Length > 0;
    }

    /// <summary>The value trimmed, unless it is blank; no string is made unless refused.</summary>
    public bool TryReadText(ReadOnlySpan<char> value, out ReadOnlySpan<char> text, out string reason)
    {
        text = value.Trim();
        reason = text.IsEmpty ? $"{Subject} is blank" : string.Empty;
        return !text.IsEmpty;
    }

    /// <summary>The value as a whole number within the rule's range.</summary>
    public bool TryReadWholeNumber(string value, out int number, out string reason) =>
        TryReadWholeNumber(value.AsSpan(), out number, out reason);

    /// <summary>As <see cref="TryReadWholeNumber(string, out int, out string)"/>, from the characters of a field.</summary>
    public bool TryReadWholeNumber(ReadOnlySpan<char> value, out int number, out string reason)
    {
        if (!ValueParser.TryParseWholeNumber(value, out number, out reason))
        {
            reason = NamesBlank && value.Trim().IsEmpty ? $"{Subject} is blank" : reason;
            return false;
        }

        reason = number < Minimum ? $"{Subject} must {(Minimum > 0 ? "be positive" : "not be negative")}, got {number}"
            : number > _wholeMaximum ? ValueRanges.AboveMax(Subject, number, Maximum)
            : string.Empty;
        return reason.Length == 0;
    }

    /// <summary>The value as euros within the rule's range.</summary>
    public bool TryReadAmount(string value, out decimal amount, out string reason)
    {
        if (!ValueParser.TryParseEuros(value, out amount, out reason))
        {
            return false;
        }

        reason = amount < 0 ? $"{Subject} must not be negative, got {amount}"
            : amount > Maximum ? ValueRanges.AboveMax(Subject, amount, Maximum)
            : string.Empty;
        return reason.Length == 0;
    }
}
