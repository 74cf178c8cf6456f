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
        var order = Day.CompareTo(other.Day);
        if (order == 0)
        {
            order = ReferenceRank.CompareTo(other.ReferenceRank);
        }

        if (order == 0)
        {
            order = StoreId.CompareTo(other.StoreId);
        }

        if (order == 0)
        {
            order = Quantity.CompareTo(other.Quantity);
        }

        return order != 0 ? order : LineNumber.CompareTo(other.LineNumber);
    }
}
