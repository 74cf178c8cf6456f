using System.Collections;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Sales.Application.Abstractions;
using Sales.Domain;
using Sales.Domain.Dedup;

namespace Sales.Infrastructure.Postgres;

/// <summary>
/// Merges a sales sheet, in identity order, with the identities stored from its first day on, read
/// in key order by one binary <c>COPY ... TO STDOUT</c>: one pass over each, no lookup per line. The
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

        // Synchronous reads: a million rows of five small values, where an await per value would cost more than the value.
        var firstDay = sheet.Current.Identity.Content.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var rows = connection.BeginBinaryExport($"""
            COPY (SELECT sale_date, product_reference, store_id, quantity, occurrence FROM sales
                  WHERE sale_date >= DATE '{firstDay}'
                  ORDER BY sale_date, product_reference, store_id, quantity, occurrence) TO STDOUT (FORMAT BINARY)
            """);
        return new Outcome(stored, Merge(sheet, rows, stored, cancellationToken));
    }

    // Walks both sorted sequences. A stored row sorting before the current sale is not in the sheet;
    // after the sheet's last sale, stored rows still on its last day are not in it either.
    private static int Merge(IEnumerator<PricedSale> sheet, NpgsqlBinaryExporter rows, BitArray stored, CancellationToken cancellationToken)
    {
        var position = 0;
        var notInSheet = 0;
        var hasSale = true;
        var lastDay = sheet.Current.Identity.Content.Date;
        while (Read(rows) is { } row)
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
                rows.Cancel();
                break;
            }

            notInSheet++;
        }

        return notInSheet;
    }

    private static SaleIdentity? Read(NpgsqlBinaryExporter rows)
    {
        if (rows.StartRow() < 0)
        {
            return null;
        }

        var day = rows.Read<DateOnly>(NpgsqlDbType.Date);
        var reference = rows.Read<string>(NpgsqlDbType.Text);
        var storeId = rows.Read<int>(NpgsqlDbType.Integer);
        var quantity = rows.Read<int>(NpgsqlDbType.Integer);
        var occurrence = rows.Read<int>(NpgsqlDbType.Integer);
        return new SaleIdentity(new Sale(day, reference, quantity, storeId), occurrence);
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
