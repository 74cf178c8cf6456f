using Microsoft.Data.Sqlite;
using Sales.Application.Abstractions;
using Sales.Domain;

namespace Sales.Infrastructure.Persistence;

/// <summary>
/// Merges the sales (in identity order) with the stored identities from the first sale's day on,
/// read in the same order from the sales key: one pass over each, no lookup per line. Stored rows
/// are compared as they come (ISO days and references as UTF-8 bytes, which is the key's order),
/// without a string per row. It finds the positions of the sales already stored, and how many
/// stored rows up to the last sale's day the merge passed without a match.
/// </summary>
internal sealed class StoredIdentityMerge : IDisposable
{
    private const string StoredFromDay = """
        SELECT sale_date, product_reference, store_id, quantity, occurrence FROM sales
        WHERE sale_date >= ?1
        ORDER BY sale_date, product_reference, store_id, quantity, occurrence
        """;

    private readonly IEnumerator<PricedSale> _sales;
    private readonly RawStatement _stored;
    private readonly SaleTexts _texts;
    private readonly StoredPositions _positions = new();
    private int _position;
    private int _notInSheet;
    private bool _hasSale;
    private bool _rowPending;
    private DateOnly _lastDay;

    private StoredIdentityMerge(SqliteConnection connection, IEnumerator<PricedSale> sales, SaleTexts texts)
    {
        _sales = sales;
        _texts = texts;
        _stored = new RawStatement(connection, StoredFromDay);
        _lastDay = sales.Current.Identity.Content.Date;
        _stored.Bind(1, texts.Day(_lastDay));
        _hasSale = true;
    }

    /// <summary>
    /// The sales already stored (by position in <paramref name="sales"/>), the stored rows not in the
    /// sheet, and whether every sale is stored (then nothing is new).
    /// </summary>
    public static (StoredPositions Stored, int StoredNotInSheet, bool AllStored) Run(
        SqliteConnection connection, IEnumerable<PricedSale> sales, SaleTexts texts, CancellationToken cancellationToken)
    {
        using var enumerator = sales.GetEnumerator();
        if (!enumerator.MoveNext())
        {
            return (new StoredPositions(), 0, true);
        }

        using var merge = new StoredIdentityMerge(connection, enumerator, texts);
        merge.Merge(cancellationToken);
        merge.CountRowsLeftOnLastDay();
        return (merge._positions, merge._notInSheet, merge.AllStored);
    }

    public void Dispose() => _stored.Dispose();

    // Every sale was passed (none left after the stored rows ran out) and each one matched a row.
    private bool AllStored => !_hasSale && _positions.Count == _position;

    private void Merge(CancellationToken cancellationToken)
    {
        _rowPending = _stored.Read();
        while (_hasSale && _rowPending)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var order = SkipSalesBeforeRow();
            if (!_hasSale)
            {
                break;
            }

            if (order == 0)
            {
                _positions.Mark(_position++);
                NextSale();
            }
            else
            {
                // The stored row sorts before the current sale: no sale of the sheet has its identity.
                _notInSheet++;
            }

            _rowPending = _stored.Read();
        }
    }

    // Passes the sales that sort before the current stored row (they are new); returns how the
    // current sale compares with it.
    private int SkipSalesBeforeRow()
    {
        int order;
        while ((order = CompareWithRow(_sales.Current.Identity)) < 0)
        {
            _position++;
            if (!NextSale())
            {
                break;
            }
        }

        return order;
    }

    private bool NextSale()
    {
        _hasSale = _sales.MoveNext();
        if (_hasSale)
        {
            _lastDay = _sales.Current.Identity.Content.Date;
        }

        return _hasSale;
    }

    // Stored rows after the sheet's last identity but still on its last day are not in it either.
    private void CountRowsLeftOnLastDay()
    {
        var lastDay = _texts.Day(_lastDay);
        while (_rowPending && lastDay.AsSpan().SequenceCompareTo(_stored.Utf8(0)) >= 0)
        {
            _notInSheet++;
            _rowPending = _stored.Read();
        }
    }

    // The order of IdentityOrder.Compare, against the current stored row.
    private int CompareWithRow(SaleIdentity sale)
    {
        var content = sale.Content;
        var order = _texts.Day(content.Date).AsSpan().SequenceCompareTo(_stored.Utf8(0));
        if (order == 0)
        {
            order = _texts.Reference(content.ProductReference).AsSpan().SequenceCompareTo(_stored.Utf8(1));
        }

        if (order == 0)
        {
            order = ((long)content.StoreId).CompareTo(_stored.Int64(2));
        }

        if (order == 0)
        {
            order = ((long)content.Quantity).CompareTo(_stored.Int64(3));
        }

        return order != 0 ? order : ((long)sale.Occurrence).CompareTo(_stored.Int64(4));
    }
}
