using Sales.Domain;
using Sales.Domain.Parsing;

namespace Sales.UnitTests.Domain;

/// <summary>Each value has a range (docs/value-ranges.md); a value outside, or too large to read, is refused naming its column.</summary>
public class ValueRangesTests
{
    [Theory]
    [InlineData("1", true)]
    [InlineData("1000", true)]
    [InlineData("1001", false)]
    [InlineData("2147483647", false)]
    [InlineData("2147483648", false)]
    [InlineData("99999999999999999999999999999999", false)]
    public void Quantity_is_one_to_a_thousand(string quantity, bool accepted)
    {
        var parsed = RowParsers.TryParseSale(["2023-05-27", "REF001", quantity, "1"], out _, out var error);

        Assert.Equal(accepted, parsed);
        if (!accepted)
        {
            Assert.Equal("Quantité", error.Column);
        }
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("10000.00", true)]
    [InlineData("10000,00 €", true)]
    [InlineData("10000.01", false)]
    [InlineData("1000000000000", false)]
    [InlineData("79228162514264337593543950335", false)]
    [InlineData("792281625142643375935439503350", false)]
    [InlineData("-79228162514264337593543950335", false)]
    public void Price_is_zero_to_ten_thousand_euros_and_never_overflows(string price, bool accepted)
    {
        var parsed = RowParsers.TryParseProduct(["Produit A", "REF001", price, "1"], out var product, out var error);

        Assert.Equal(accepted, parsed);
        if (accepted)
        {
            Assert.InRange(Money.ToCents(product.UnitPrice), 0, ValueRanges.MaxPriceCents);
        }
        else
        {
            Assert.Equal("Prix", error.Column);
        }
    }

    [Fact]
    public void An_amount_too_large_for_any_number_says_so()
    {
        Assert.False(ValueParser.TryParseEuros("792281625142643375935439503350", out _, out var reason));
        Assert.Equal("'792281625142643375935439503350' is too large an amount", reason);
    }

    [Fact]
    public void A_whole_number_too_large_says_so()
    {
        Assert.False(ValueParser.TryParseWholeNumber("2147483648", out _, out var reason));
        Assert.Equal("'2147483648' is too large a number (beyond 2,147,483,647)", reason);
    }

    [Theory]
    [InlineData("1000000000", true, "")]
    [InlineData("1000000001", false, "Stock")]
    public void Stock_is_zero_to_a_billion(string stock, bool accepted, string column)
    {
        var parsed = RowParsers.TryParseProduct(["Produit A", "REF001", "1.00", stock], out _, out var error);

        Assert.Equal(accepted, parsed);
        Assert.Equal(column, accepted ? string.Empty : error.Column);
    }

    [Theory]
    [InlineData("2147483647", "100000", true, "")]
    [InlineData("1", "100001", false, "Nombre de salariés")]
    [InlineData("2147483648", "10", false, "ID Magasin")]
    public void Employees_are_zero_to_a_hundred_thousand_and_store_ids_positive_32_bit(string id, string employees, bool accepted, string column)
    {
        var parsed = RowParsers.TryParseStore([id, "Paris", employees], out _, out var error);

        Assert.Equal(accepted, parsed);
        Assert.Equal(column, accepted ? string.Empty : error.Column);
    }

    [Fact]
    public void The_largest_line_revenue_times_a_billion_lines_stays_an_exact_64_bit_integer()
    {
        // The proof of docs/value-ranges.md, checked: a billion lines at the largest quantity and price.
        var largestLine = (long)ValueRanges.MaxQuantity * ValueRanges.MaxPriceCents;
        var billionLines = checked(largestLine * 1_000_000_000L);

        Assert.Equal(1_000_000_000L, largestLine);
        Assert.True(billionLines < long.MaxValue);
        Assert.Equal(ValueRanges.MaxPriceCents, Money.ToCents(ValueRanges.MaxPrice));
    }
}
