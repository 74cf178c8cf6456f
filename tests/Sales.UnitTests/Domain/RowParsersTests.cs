using Sales.Domain;
using Sales.Domain.Parsing;

namespace Sales.UnitTests.Domain;

public class RowParsersTests
{
    [Fact]
    public void A_valid_product_line_becomes_a_product()
    {
        Assert.True(RowParsers.TryParseProduct(["Produit A", "REF001", "49.99", "100"], out var product, out _));
        Assert.Equal(new Product("REF001", "Produit A", 49.99m, 100), product);
    }

    [Theory]
    [InlineData("Produit A", " ", "49.99", "100", "ID Référence produit", "blank")]
    [InlineData("Produit A", "REF001", "-1.00", "100", "Prix", "negative")]
    [InlineData("Produit A", "REF001", "49.99", "-5", "Stock", "negative")]
    [InlineData("Produit A", "REF001", "gratuit", "5", "Prix", "not an amount")]
    public void Invalid_product_lines_say_which_column_and_why(string name, string reference, string price, string stock, string column, string reason)
    {
        Assert.False(RowParsers.TryParseProduct([name, reference, price, stock], out _, out var error));
        Assert.Equal(column, error.Column);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_store_line_becomes_a_store()
    {
        Assert.True(RowParsers.TryParseStore(["3", "Lyon", "8"], out var store, out _));
        Assert.Equal(new Store(3, "Lyon", 8), store);
    }

    [Theory]
    [InlineData("", "Lyon", "8", "ID Magasin")]
    [InlineData("x", "Lyon", "8", "ID Magasin")]
    [InlineData("3", "", "8", "Ville")]
    [InlineData("3", "Lyon", "-1", "Nombre de salariés")]
    public void Invalid_store_lines_say_which_column(string id, string city, string employees, string column)
    {
        Assert.False(RowParsers.TryParseStore([id, city, employees], out _, out var error));
        Assert.Equal(column, error.Column);
    }

    [Theory]
    [InlineData("2023-05-27", "REF001", "0", "1", "Quantité", "positive")]
    [InlineData("2023-05-27", "REF001", "-2", "1", "Quantité", "positive")]
    [InlineData("2023-05-27", "REF001", "trois", "1", "Quantité", "whole number")]
    [InlineData("2023-05-27", "", "3", "1", "ID Référence produit", "blank")]
    [InlineData("2023-05-27", "REF001", "3", "", "ID Magasin", "blank")]
    [InlineData("2023-05-27", "REF001", "3", "0", "ID Magasin", "store id must be positive, got 0")]
    [InlineData("2023-05-27", "REF001", "3", "-7", "ID Magasin", "store id must be positive, got -7")]
    [InlineData("27 mai", "REF001", "3", "1", "Date", "not a date")]
    public void Invalid_sales_lines_say_which_column_and_why(string date, string reference, string quantity, string store, string column, string reason)
    {
        Assert.False(RowParsers.TryParseSale([date, reference, quantity, store], out _, out var error));
        Assert.Equal(column, error.Column);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }
}
