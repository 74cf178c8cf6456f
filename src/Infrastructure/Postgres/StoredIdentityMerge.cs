using System.Collections;
using Npgsql;
using Sales.Application.Abstractions;
using Sales.Domain;
using Sales.Domain.Dedup;

namespace Sales.Infrastructure.Postgres;

/// <summary>
/// Merges a sales sheet, in identity order, with the identities stored from its first day on, read
/// in key order by one binary <c>COPY ... TO STDOUT</c> (<see cref="StoredKeyReader"/>): one pass over each, no lookup per line. The
/// key's order is <see cref="IdentityOrder"/> (days, then references byte-wise: <c>COLLATE "C"</c>),
/// and every comparison is <see cref="IdentityOrder.Compare"/>, the dedup rule's own.
/// </summary>
internal static class StoredIdentityMerge
{
    /// <summary>Which sales (by position) are stored, and how many stored sales within the sheet's days it does not have.</summary>
    public readonly record struct Outcome(BitArray Stored, int StoredNotInSheet);

    public static Outcome Run(NpgsqlConnection connection, IEnumerable<PricedSale> sales, CancellationToken cancellationToken)
    {
        var stored = new BitArray(0);
        using var sheet = sales.GetEnumerator();
        if (!sheet.MoveNext())
        {
            return new Outcome(stored, 0);
        }

        // Synchronous reads: a million rows of five small values, where an await per read would cost more than the value.
        using var rows = new StoredKeyReader(connection, sheet.Current.Identity.Content.Date);
        return new Outcome(stored, Merge(sheet, rows, stored, cancellationToken));
    }

    // Walks both sorted sequences. A stored row sorting before the current sale is not in the sheet;
    // after the sheet's last sale, stored rows still on its last day are not in it either.
    private static int Merge(IEnumerator<PricedSale> sheet, StoredKeyReader rows, BitArray stored, CancellationToken cancellationToken)
    {
        var position = 0;
        var notInSheet = 0;
        var hasSale = true;
        var lastDay = sheet.Current.Identity.Content.Date;
        while (rows.TryRead(out var row))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var order = 1;
            while (hasSale && (order = IdentityOrder.Compare(sheet.Current.Identity, row)) <= 0)
            {
                if (order == 0)
                {
                    Mark(stored, position);
                }

                position++;
                hasSale = sheet.MoveNext();
                lastDay = hasSale ? sheet.Current.Identity.Content.Date : lastDay;
                if (order == 0)
                {
                    break;
                }
            }

            if (order == 0)
            {
                continue;
            }

            if (!hasSale && row.Content.Date > lastDay)
            {
                break;
            }

            notInSheet++;
        }

        return notInSheet;
    }

    private static void Mark(BitArray stored, int position)
    {
        if (position >= stored.Length)
        {
            stored.Length = Math.Max(position + 1024, stored.Length * 2);
        }

        stored[position] = true;
    }
}
