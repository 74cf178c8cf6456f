using System.Globalization;
using System.Text;

namespace Sales.Domain.Sheets;

/// <summary>
/// The columns of each sheet and how headers are matched: regardless of case, accents,
/// surrounding spaces and underscores, in any order, extra columns ignored.
/// </summary>
internal sealed class SheetLayout
{
    private SheetLayout(SheetKind kind, params SheetColumn[] columns)
    {
        Kind = kind;
        Columns = columns;
    }

    /// <summary>Which sheet this is.</summary>
    public SheetKind Kind { get; }

    /// <summary>The required columns, in the order the row parsers take their values.</summary>
    public IReadOnlyList<SheetColumn> Columns { get; }

    /// <summary><c>Nom,ID Référence produit,Prix,Stock</c>.</summary>
    public static SheetLayout Products { get; } = new(
        SheetKind.Products, SheetColumns.ProductName, SheetColumns.ProductReference, SheetColumns.Price, SheetColumns.Stock);

    /// <summary><c>ID Magasin,Ville,Nombre de salariés</c>.</summary>
    public static SheetLayout Stores { get; } = new(
        SheetKind.Stores, SheetColumns.StoreId, SheetColumns.City, SheetColumns.Employees);

    /// <summary><c>Date,ID Référence produit,Quantité,ID Magasin</c>.</summary>
    public static SheetLayout Sales { get; } = new(
        SheetKind.Sales, SheetColumns.Day, SheetColumns.ProductReference, SheetColumns.Quantity, SheetColumns.StoreId);

    /// <summary>The layout of <paramref name="kind"/>.</summary>
    public static SheetLayout For(SheetKind kind) => kind switch
    {
        SheetKind.Products => Products,
        SheetKind.Stores => Stores,
        SheetKind.Sales => Sales,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// Finds each required column in a header row. Returns, per required column, the index of the
    /// header naming it; or the reason the header row does not fit (missing or repeated columns).
    /// </summary>
    public bool TryMap(IReadOnlyList<string> headers, out int[] positions, out string reason)
    {
        var normalized = headers.Select(Normalize).ToArray();
        positions = new int[Columns.Count];
        var missing = new List<string>();
        for (var i = 0; i < Columns.Count; i++)
        {
            var names = Columns[i].Aliases.Prepend(Columns[i].Header).Select(Normalize).ToHashSet(StringComparer.Ordinal);
            var matches = Enumerable.Range(0, normalized.Length).Where(h => names.Contains(normalized[h])).ToArray();
            if (matches.Length == 0)
            {
                missing.Add(Columns[i].Header);
            }
            else if (matches.Length > 1)
            {
                reason = $"column '{Columns[i].Header}' appears {matches.Length} times in the header";
                return false;
            }
            else
            {
                positions[i] = matches[0];
            }
        }

        if (missing.Count > 0)
        {
            var found = string.Join(", ", headers.Select(h => $"'{h.Trim()}'"));
            reason = $"missing required column{(missing.Count > 1 ? "s" : string.Empty)} {string.Join(", ", missing.Select(m => $"'{m}'"))} (header has {found})";
            return false;
        }

        reason = string.Empty;
        return true;
    }

    /// <summary>Lower case, no accents, single spaces: <c> Quantité </c> and <c>quantite</c> match.</summary>
    public static string Normalize(string header)
    {
        var decomposed = header.Trim().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || c is '_' or '-' or '.')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
