using Microsoft.Data.Sqlite;
using Sales.Application.Abstractions;
using Sales.Domain;

namespace Sales.Infrastructure.Persistence;

/// <summary>
/// Merges the sales (in identity order) with the stored identities from the first sale's day on, in
/// the same order: one pass over each, no lookup per line. Stored rows are compared as they come (ISO
/// days and references as UTF-8 bytes, which is the key's order), without a string per row. It finds
/// the positions of the sales already stored, and how many stored rows up to the last sale's day the
/// merge passed without a match. The stored rows are the keys read ahead when the session has them
/// (decision 0046), else read from the database as the merge goes.
/// </summary>
internal static class StoredIdentityMerge
{
    /// <summary>New sales kept by the merge (about 3 MB); beyond, a second pass finds them.</summary>
    internal const int NewSalesKept = 1 << 16;

    private const string StoredFromDay = """
        SELECT sale_date, product_reference, store_id, quantity, occurrence FROM sales
        WHERE sale_date >= ?1
        ORDER BY sale_date, product_reference, store_id, quantity, occurrence
        """;

    /// <summary>Merges <paramref name="sales"/> with the stored identities (see <see cref="MergedSales"/>).</summary>
    public static MergedSales Run(
        SqliteConnection connection, StoredKeys? readAhead, IEnumerable<PricedSale> sales, SaleTexts texts, CancellationToken cancellationToken)
    {
        using var enumerator = sales.GetEnumerator();
        if (!enumerator.MoveNext())
        {
            return new MergedSales(new StoredPositions(), 0, true, []);
        }

        int? count = sales is IReadOnlyCollection<PricedSale> counted ? counted.Count : null;
        var firstDay = texts.Day(enumerator.Current.Identity.Content.Date);
        if (readAhead is not null)
        {
            var rows = new ReadAheadStoredRows(readAhead, readAhead.IndexOfFirstFrom(firstDay));
            return new StoredIdentityMerge<ReadAheadStoredRows>(enumerator, texts, rows, count).Run(cancellationToken);
        }

        using var statement = new RawStatement(connection, StoredFromDay);
        statement.Bind(1, firstDay);
        return new StoredIdentityMerge<LiveStoredRows>(enumerator, texts, new LiveStoredRows(statement), count).Run(cancellationToken);
    }
}

/// <summary>One merge over stored rows of one kind (see <see cref="StoredIdentityMerge"/>).</summary>
/// <typeparam name="TRows">Where the stored rows come from.</typeparam>
internal sealed class StoredIdentityMerge<TRows>
    where TRows : struct, IStoredRows
{
    private readonly IEnumerator<PricedSale> _sales;
    private readonly SaleTexts _texts;
    private readonly StoredPositions _positions = new();
    private readonly int? _count;

    // The new sales met so far, until there are too many to keep (then null).
    private List<PricedSale>? _new = [];
    private TRows _stored;
    private int _position;
    private int _notInSheet;
    private bool _hasSale;
    private bool _rowPending;
    private DateOnly _lastDay;

    /// <param name="sales">The sales, already on the first one.</param>
    /// <param name="texts">The sales' UTF-8 texts.</param>
    /// <param name="stored">The stored rows from the first sale's day on.</param>
    /// <param name="count">How many sales there are, when known.</param>
    public StoredIdentityMerge(IEnumerator<PricedSale> sales, SaleTexts texts, TRows stored, int? count)
    {
        _count = count;
        _sales = sales;
        _texts = texts;
        _stored = stored;
        _lastDay = sales.Current.Identity.Content.Date;
        _hasSale = true;
    }

    public MergedSales Run(CancellationToken cancellationToken)
    {
        Merge(cancellationToken);
        CountRowsLeftOnLastDay();
        KeepSalesAfterLastRow(cancellationToken);
        return new MergedSales(_positions, _notInSheet, AllStored, _new);
    }

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
            Keep(_sales.Current);
            _position++;
            if (!NextSale())
            {
                break;
            }
        }

        return order;
    }

    // The stored rows ran out: the sales left are new, kept while there are few enough.
    private void KeepSalesAfterLastRow(CancellationToken cancellationToken)
    {
        // Known to be too many (a first import has only new sales): not one more is copied.
        if (_hasSale && _new is not null && _count - _position + _new.Count > StoredIdentityMerge.NewSalesKept)
        {
            _new = null;
        }

        while (_hasSale && _new is not null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Keep(_sales.Current);
            _position++;
            NextSale();
        }
    }

    private void Keep(in PricedSale sale)
    {
        if (_new is null)
        {
            return;
        }

        if (_new.Count == StoredIdentityMerge.NewSalesKept)
        {
            _new = null;
            return;
        }

        _new.Add(sale);
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
        while (_rowPending && lastDay.AsSpan().SequenceCompareTo(_stored.Day) >= 0)
        {
            _notInSheet++;
            _rowPending = _stored.Read();
        }
    }

    // The order of IdentityOrder.Compare, against the current stored row.
    private int CompareWithRow(SaleIdentity sale)
    {
        var content = sale.Content;
        var order = _texts.Day(content.Date).AsSpan().SequenceCompareTo(_stored.Day);
        if (order == 0)
        {
            order = _texts.Reference(content.ProductReference).AsSpan().SequenceCompareTo(_stored.Reference);
        }

        if (order == 0)
        {
            order = ((long)content.StoreId).CompareTo(_stored.StoreId);
        }

        if (order == 0)
        {
            order = ((long)content.Quantity).CompareTo(_stored.Quantity);
        }

        return order != 0 ? order : ((long)sale.Occurrence).CompareTo(_stored.Occurrence);
    }
}
