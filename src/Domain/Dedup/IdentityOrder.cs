namespace Sales.Domain.Dedup;

/// <summary>
/// The order of sale identities: day, product reference, store, quantity, occurrence. It is the
/// order of the identity index of the database (ISO days sort as text, references compare as
/// UTF-8 bytes), so a sorted sheet can be merged with the stored identities in one pass.
/// </summary>
internal static class IdentityOrder
{
    /// <summary>Compares references as UTF-8 bytes would, i.e. by Unicode code point.</summary>
    public static int CompareReferences(string left, string right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var length = Math.Min(left.Length, right.Length);
        for (var i = 0; i < length; i++)
        {
            var a = left[i];
            var b = right[i];
            if (a != b)
            {
                // UTF-16 order differs from code point order only between surrogates (code points
                // above U+FFFF) and U+E000..U+FFFF: lift surrogates above every other unit.
                return Lift(a).CompareTo(Lift(b));
            }
        }

        return left.Length.CompareTo(right.Length);
    }

    /// <summary>Compares two identities in the order of the identity index.</summary>
    public static int Compare(SaleIdentity left, SaleIdentity right)
    {
        var order = left.Content.Date.CompareTo(right.Content.Date);
        if (order == 0)
        {
            order = CompareReferences(left.Content.ProductReference, right.Content.ProductReference);
        }

        if (order == 0)
        {
            order = left.Content.StoreId.CompareTo(right.Content.StoreId);
        }

        if (order == 0)
        {
            order = left.Content.Quantity.CompareTo(right.Content.Quantity);
        }

        return order != 0 ? order : left.Occurrence.CompareTo(right.Occurrence);
    }

    private static int Lift(char unit) => char.IsSurrogate(unit) ? unit + 0x10000 : unit;
}
