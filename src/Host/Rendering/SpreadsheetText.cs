namespace Sales.Host.Rendering;

/// <summary>
/// A text value written to CSV so that a spreadsheet shows it instead of running it (OWASP "CSV
/// injection"): text starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage
/// return (or their full-width forms, after any leading spaces) gets a leading <c>'</c>. Only text
/// cells pass here: numbers, negative ones included, are written as numbers.
/// </summary>
internal static class SpreadsheetText
{
    private const string FormulaStarts = "=+-@\t\r\uff1d\uff0b\uff0d\uff20";

    public static string Neutralize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = text.AsSpan().TrimStart(' ');
        return first.Length > 0 && FormulaStarts.Contains(first[0], StringComparison.Ordinal) ? "'" + text : text;
    }
}
