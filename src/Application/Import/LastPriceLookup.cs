namespace Sales.Application.Import;

/// <summary>
/// Product prices by reference, remembering the last one found: sales come in identity order, so
/// consecutive lines often name the same reference, and a sheet's lines share one string per
/// reference, so most lookups are a reference comparison instead of hashing the string.
/// </summary>
internal sealed class LastPriceLookup(IReadOnlyDictionary<string, decimal> prices)
{
    private string? _lastReference;
    private decimal _lastPrice;

    /// <summary>The price of <paramref name="reference"/>, which must be a stored product.</summary>
    public decimal Of(string reference)
    {
        if (!ReferenceEquals(reference, _lastReference))
        {
            _lastPrice = prices[reference];
            _lastReference = reference;
        }

        return _lastPrice;
    }
}
