using Sales.Application.Import;

namespace Sales.UnitTests.Import;

public class LastPriceLookupTests
{
    private static readonly Dictionary<string, decimal> Prices = new(StringComparer.Ordinal) { ["REF1"] = 1.50m, ["REF2"] = 20m };

    [Fact]
    public void Prices_each_reference_as_the_dictionary_does_whatever_the_order()
    {
        var lookup = new LastPriceLookup(Prices);

        Assert.Equal([1.50m, 1.50m, 20m, 1.50m, 20m, 20m], new[] { "REF1", "REF1", "REF2", "REF1", "REF2", "REF2" }.Select(lookup.Of));
    }

    [Fact]
    public void A_reference_equal_to_the_last_but_another_string_is_looked_up()
    {
        var lookup = new LastPriceLookup(Prices);
        var first = new string("REF1".AsSpan());
        var second = new string("REF2".AsSpan());

        Assert.Equal(1.50m, lookup.Of(first));
        Assert.Equal(20m, lookup.Of(second));
        Assert.Equal(1.50m, lookup.Of(new string("REF1".AsSpan())));
    }

    [Fact]
    public void An_unknown_reference_is_refused()
    {
        var lookup = new LastPriceLookup(Prices);

        Assert.Throws<KeyNotFoundException>(() => lookup.Of("REF9"));
    }
}
