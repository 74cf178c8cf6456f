namespace Sales.Domain.Parsing;

/// <summary>
/// The range each value of the sheets must lie in; a value outside is a refused line naming its column.
/// The bounds keep every sum of the analyses an exact 64-bit integer (see docs/value-ranges.md):
/// a line's revenue is at most <see cref="MaxQuantity"/> x <see cref="MaxPriceCents"/> = 10^3 x 10^6
/// = 10^9 cents, so a billion lines sum to at most 10^18 cents, below 2^63 - 1 (about 9.22 x 10^18).
/// </summary>
internal static class ValueRanges
{
    /// <summary>Units of one sales line: 1 to 1,000.</summary>
    public const int MaxQuantity = 1_000;

    /// <summary>Unit price: 0.00 to 10,000.00 euros.</summary>
    public const decimal MaxPrice = 10_000m;

    /// <summary>The same in cents.</summary>
    public const long MaxPriceCents = 1_000_000;

    /// <summary>Units in stock: 0 to 1,000,000,000.</summary>
    public const int MaxStock = 1_000_000_000;

    /// <summary>Employees of a store: 0 to 100,000.</summary>
    public const int MaxEmployees = 100_000;

    /// <summary>Why <paramref name="value"/> of <paramref name="what"/> is above <paramref name="max"/>.</summary>
    public static string AboveMax(string what, decimal value, decimal max) =>
        FormattableString.Invariant($"{what} must be at most {max:#,0.##}, got {value}");
}
