using System.Globalization;

namespace Sales.Application.Analysis;

/// <summary>
/// Turns stored integers into the figures people read, exactly: a <c>x_cents</c> column becomes
/// <c>x_eur</c> (euros, two decimals) and a <c>x_x100</c> column becomes <c>x</c> (two decimals),
/// both as <see cref="decimal"/> so nothing is ever rounded by floating point.
/// </summary>
public static class ResultPresentation
{
    private const string CentsSuffix = "_cents";
    private const string HundredthsSuffix = "_x100";

    /// <summary>The table with its cents and hundredths columns renamed and converted.</summary>
    public static ResultTable Present(ResultTable stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var scaled = stored.Columns.Select(IsHundredths).ToArray();
        var columns = stored.Columns.Select(PresentedName).ToList();
        var rows = stored.Rows
            .Select(row => (IReadOnlyList<object?>)row.Select((value, i) => scaled[i] ? Hundredths(value) : value).ToList())
            .ToList();
        return stored with { Columns = columns, Rows = rows };
    }

    /// <summary><c>revenue_cents</c> → <c>revenue_eur</c>, <c>share_pct_x100</c> → <c>share_pct</c>, others unchanged.</summary>
    public static string PresentedName(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (column.EndsWith(CentsSuffix, StringComparison.Ordinal))
        {
            return column[..^CentsSuffix.Length] + "_eur";
        }

        return column.EndsWith(HundredthsSuffix, StringComparison.Ordinal) ? column[..^HundredthsSuffix.Length] : column;
    }

    private static bool IsHundredths(string column) =>
        column.EndsWith(CentsSuffix, StringComparison.Ordinal) || column.EndsWith(HundredthsSuffix, StringComparison.Ordinal);

    /// <summary>What a hundredths cell shows when it holds no integer (a result stored by an older release, or data outside the ranges).</summary>
    public static string NotExact(object value) =>
        string.Create(CultureInfo.InvariantCulture, $"(not exact: {value}; re-run analyze)");

    // Adding 0.00m sets the scale to two decimals, so 500 reads 5.00 (not 5) in every format. Analyses compute
    // in integers (docs/value-ranges.md); a cell that is not one is shown as such rather than failing the report.
    private static object? Hundredths(object? value) => value switch
    {
        null => null,
        long integer => (integer / 100m) + 0.00m,
        _ => NotExact(value),
    };
}
