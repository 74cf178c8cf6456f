namespace Sales.Domain.Dedup;

/// <summary>A sales line reduced to integers: day number, rank of its reference, store, quantity, and its line.</summary>
/// <param name="Day">Day number of the sale's day.</param>
/// <param name="ReferenceRank">Rank of the product reference in <see cref="IdentityOrder"/>.</param>
/// <param name="StoreId">Store id.</param>
/// <param name="Quantity">Units sold.</param>
/// <param name="LineNumber">1-based line in the file.</param>
internal readonly record struct IdentityKey(int Day, int ReferenceRank, int StoreId, int Quantity, int LineNumber)
{
    /// <summary>The content alone, as one comparable number in identity order (signed values offset to sort as unsigned).</summary>
    public UInt128 Content => new(
        ((ulong)(uint)Day << 32) | (uint)ReferenceRank,
        ((ulong)((uint)StoreId ^ 0x8000_0000u) << 32) | ((uint)Quantity ^ 0x8000_0000u));
}
