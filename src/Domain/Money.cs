namespace Sales.Domain;

/// <summary>Euros are stored as whole cents so that sums are exact.</summary>
public static class Money
{
    /// <summary>Euros to cents; amounts carry at most two decimals (see <see cref="Parsing.ValueParser.TryParseEuros"/>).</summary>
    public static long ToCents(decimal euros) => decimal.ToInt64(decimal.Round(euros * 100m, 0, MidpointRounding.ToEven));

    /// <summary>Cents to euros, with two decimals.</summary>
    public static decimal FromCents(long cents) => decimal.Round(cents / 100m, 2);
}
