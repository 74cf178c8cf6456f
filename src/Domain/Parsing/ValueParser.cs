using System.Globalization;

namespace Sales.Domain.Parsing;

/// <summary>
/// Parses the values of the client's sheets. Exact and strict: a value is either read as the
/// sheet meant it or refused with a reason, never rounded or guessed.
/// </summary>
internal static class ValueParser
{
    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");

    /// <summary>Reads a whole number, e.g. a quantity, a stock or a store id.</summary>
    public static bool TryParseWholeNumber(string? text, out int value, out string reason) =>
        TryParseWholeNumber(text.AsSpan(), out value, out reason);

    /// <summary>As <see cref="TryParseWholeNumber(string?, out int, out string)"/>, from the characters of a field (no string made unless refused).</summary>
    public static bool TryParseWholeNumber(ReadOnlySpan<char> text, out int value, out string reason)
    {
        var trimmed = text.Trim();
        if (trimmed.IsEmpty)
        {
            value = 0;
            reason = "value is missing";
            return false;
        }

        if (!TryParseShortDigits(trimmed, out value) && !int.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            reason = IsDigits(trimmed)
                ? $"'{trimmed}' is too large a number (beyond 2,147,483,647)"
                : $"'{trimmed}' is not a whole number";
            return false;
        }

        reason = string.Empty;
        return true;
    }

    /// <summary>
    /// Reads an amount in euros with a dot or a comma as decimal separator (<c>49.99</c>, <c>49,99</c>),
    /// at most two decimals, optionally followed by a euro sign.
    /// </summary>
    public static bool TryParseEuros(string? text, out decimal value, out string reason)
    {
        value = 0m;
        var trimmed = (text ?? string.Empty).Trim().TrimEnd('€').Trim().Replace("\u00A0", string.Empty, StringComparison.Ordinal);
        if (trimmed.Length == 0)
        {
            reason = "value is missing";
            return false;
        }

        var dots = trimmed.Count(c => c == '.');
        var commas = trimmed.Count(c => c == ',');
        if (dots + commas > 1)
        {
            reason = $"'{trimmed}' is not an amount: use one decimal separator and no thousands separator";
            return false;
        }

        var normalized = trimmed.Replace(',', '.');
        if (!decimal.TryParse(normalized, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            reason = IsDigits(normalized.Replace(".", string.Empty, StringComparison.Ordinal))
                ? $"'{trimmed}' is too large an amount"
                : $"'{trimmed}' is not an amount";
            return false;
        }

        if (value.Scale > 2 && value != decimal.Round(value, 2))
        {
            reason = $"'{trimmed}' has more than two decimals: amounts are exact to the cent";
            return false;
        }

        value = decimal.Round(value, 2);
        reason = string.Empty;
        return true;
    }

    /// <summary>
    /// Reads a day written <c>yyyy-MM-dd</c> or with slashes (<c>27/5/2023</c>, <c>5/27/2023</c>).
    /// Slashed days are kept as a token whose order (day first or month first) is decided for the
    /// whole sheet by <see cref="DateOrderDetector"/>.
    /// </summary>
    public static bool TryParseDate(string? text, out DateToken token, out string reason)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        var read = TryParseDate(trimmed.AsSpan(), out token, out reason);
        token = token.IsSlashed ? token.WithText(trimmed) : token;
        return read;
    }

    /// <summary>
    /// As <see cref="TryParseDate(string?, out DateToken, out string)"/>, from the characters of a field; a slashed
    /// day's token has no <see cref="DateToken.Text"/> yet (<see cref="DateToken.WithText"/>): no string is made per line.
    /// </summary>
    public static bool TryParseDate(ReadOnlySpan<char> text, out DateToken token, out string reason)
    {
        token = default;
        var trimmed = text.Trim();
        if (trimmed.IsEmpty)
        {
            reason = "date is missing";
            return false;
        }

        // A spreadsheet may append a midnight time to a date cell.
        var space = trimmed.IndexOf(' ');
        var datePart = space > 0 && IsMidnight(trimmed[(space + 1)..]) ? trimmed[..space] : trimmed;

        if (TrySplit(datePart, '-', out var a, out var b, out var c) && datePart.IndexOf('-') == 4)
        {
            if (DateToken.IsValidDate(a, b, c))
            {
                token = DateToken.Iso(new DateOnly(a, b, c));
                reason = string.Empty;
                return true;
            }

            reason = $"'{trimmed}' is not a valid date";
            return false;
        }

        if (TrySplit(datePart, '/', out a, out b, out c) && c >= 1000 && a <= 31 && b <= 31)
        {
            token = DateToken.Slashed(a, b, c, text: null);
            if (!token.IsValid(DateOrder.DayFirst) && !token.IsValid(DateOrder.MonthFirst))
            {
                reason = $"'{trimmed}' is not a valid date";
                return false;
            }

            reason = string.Empty;
            return true;
        }

        reason = $"'{trimmed}' is not a date (expected yyyy-MM-dd, d/M/yyyy or M/d/yyyy)";
        return false;
    }

    // A number too large for its type, rather than not a number at all.
    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        var digits = text.TrimStart("+-");
        return digits.Length > 0 && !digits.ContainsAnyExcept(Digits);
    }

    // Up to nine ASCII digits, the shape of nearly every quantity and id: read without int.TryParse's
    // culture and style handling, with the same result.
    private static bool TryParseShortDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.Length > 9)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static bool IsMidnight(ReadOnlySpan<char> time) => time.Trim() is "00:00" or "00:00:00" or "0:00:00";

    // Three runs of 1 to 4 ASCII digits separated by the separator; no allocation, as every sales line goes through it.
    private static bool TrySplit(ReadOnlySpan<char> text, char separator, out int first, out int second, out int third)
    {
        first = second = third = 0;
        return TryTakeNumber(ref text, separator, out first)
            && TryTakeNumber(ref text, separator, out second)
            && TryTakeNumber(ref text, null, out third);
    }

    private static bool TryTakeNumber(ref ReadOnlySpan<char> text, char? separator, out int number)
    {
        number = 0;
        var end = separator is { } stop ? text.IndexOf(stop) : text.Length;
        if (end is < 1 or > 4)
        {
            return false;
        }

        foreach (var c in text[..end])
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            number = (number * 10) + (c - '0');
        }

        text = separator is null ? [] : text[(end + 1)..];
        return true;
    }
}
