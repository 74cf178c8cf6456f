using Sales.Domain.Sheets;

namespace Sales.UnitTests.Domain;

public class SheetLayoutTests
{
    [Fact]
    public void The_client_header_maps_in_layout_order()
    {
        Assert.True(SheetLayout.Sales.TryMap(["Date", "ID Référence produit", "Quantité", "ID Magasin"], out var positions, out _));
        Assert.Equal([0, 1, 2, 3], positions);
    }

    [Fact]
    public void Headers_match_regardless_of_case_accents_spaces_and_order_and_extra_columns_are_ignored()
    {
        Assert.True(SheetLayout.Sales.TryMap([" id magasin ", "commentaire", "QUANTITE", "id_reference_produit", " date"], out var positions, out _));
        Assert.Equal([4, 3, 2, 0], positions);
    }

    [Fact]
    public void A_missing_column_is_named()
    {
        Assert.False(SheetLayout.Products.TryMap(["Nom", "ID Référence produit", "Stock"], out _, out var reason));
        Assert.Contains("'Prix'", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_column_named_twice_is_refused()
    {
        Assert.False(SheetLayout.Stores.TryMap(["ID Magasin", "Ville", "ville", "Nombre de salariés"], out _, out var reason));
        Assert.Contains("'Ville'", reason, StringComparison.Ordinal);
    }
}
