namespace Sales.Domain.Parsing;

/// <summary>
/// A sales line's values once read, its product reference still the characters of the line (a
/// sheet of a million lines names a few hundred references: a string is made once per reference,
/// not per line). Valid as long as the line it was read from.
/// </summary>
/// <param name="date">The day as read; a slashed day's text is not named yet (<see cref="DateToken.WithText"/>).</param>
/// <param name="productReference">Product reference, trimmed.</param>
/// <param name="quantity">Units sold, positive.</param>
/// <param name="storeId">Store id.</param>
internal readonly ref struct SaleValues(DateToken date, ReadOnlySpan<char> productReference, int quantity, int storeId)
{
    public DateToken Date { get; } = date;

    public ReadOnlySpan<char> ProductReference { get; } = productReference;

    public int Quantity { get; } = quantity;

    public int StoreId { get; } = storeId;
}
