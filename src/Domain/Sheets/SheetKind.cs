namespace Sales.Domain.Sheets;

/// <summary>The three sheets the client publishes.</summary>
public enum SheetKind
{
    /// <summary><c>produits.csv</c>: the catalogue.</summary>
    Products,

    /// <summary><c>magasins.csv</c>: the stores.</summary>
    Stores,

    /// <summary><c>ventes.csv</c>: the sales lines.</summary>
    Sales,
}
