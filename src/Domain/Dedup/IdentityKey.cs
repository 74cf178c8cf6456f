namespace Sales.Domain.Dedup;

/// <summary>A sales line reduced to integers: day number, rank of its reference, store, quantity, and its line.</summary>
/// <param name="Day">Day number of the sale's day.</param>
/// <param name="ReferenceRank">Rank of the product reference in <see cref="IdentityOrder"/>.</param>
/// <param name="StoreId">Store id.</param>
/// <param name="Quantity">Units sold.</param>
/// <param name="LineNumber">1-based line in the file.</param>
internal readonly record struct IdentityKey(int Day, int ReferenceRank, int StoreId, int Quantity, int LineNumber) : IComparable<IdentityKey>
{
    public static bool operator <(IdentityKey left, IdentityKey right) => left.CompareTo(right) < 0;

    public static bool operator <=(IdentityKey left, IdentityKey right) => left.CompareTo(right) <= 0;

    public static bool operator >(IdentityKey left, IdentityKey right) => left.CompareTo(right) > 0;

    public static bool operator >=(IdentityKey left, IdentityKey right) => left.CompareTo(right) >= 0;

    /// <summary>Whether both lines have the same content (everything but the line).</summary>
    public bool HasContentOf(IdentityKey other) =>
        Day == other.Day && ReferenceRank == other.ReferenceRank && StoreId == other.StoreId && Quantity == other.Quantity;

    /// <summary>Identity order (day, reference rank, store, quantity), then line order among identical contents.</summary>
    public int CompareTo(IdentityKey other)
    {
        var order = DayAndReference.CompareTo(other.DayAndReference);
        if (order == 0)
        {
            order = StoreAndQuantity.CompareTo(other.StoreAndQuantity);
        }

        return order != 0 ? order : LineNumber.CompareTo(other.LineNumber);
    }

    // The content as two comparable numbers, in identity order: two comparisons instead of four.
    // Days and ranks are never negative; signed stores and quantities are offset to sort as unsigned.
    private ulong DayAndReference => ((ulong)(uint)Day << 32) | (uint)ReferenceRank;

    private ulong StoreAndQuantity => ((ulong)((uint)StoreId ^ 0x8000_0000u) << 32) | ((uint)Quantity ^ 0x8000_0000u);
}
