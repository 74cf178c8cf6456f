using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Sales.Infrastructure.Persistence;

/// <summary>
/// Inserts new sales lines, in the order given (identity order), <see cref="RowsPerStatement"/> to a
/// statement: one multi-row <c>INSERT ... VALUES (...), (...)</c> runs the table's checks and key for
/// every row as the one-row statement does, but SQLite sets up the statement once per batch instead
/// of once per line, and there is one step per batch (measured: about a third of SQLite's insert time
/// at a million lines; docs/performance-profile.md). The last lines (fewer than a batch) go one by one.
/// </summary>
internal sealed class NewSalesInsert : IDisposable
{
    /// <summary>16 to 64 measured the same; 8 was slower.</summary>
    internal const int RowsPerStatement = 32;

    private const int ValuesPerRow = 6;

    private readonly RawStatement _batch;
    private readonly RawStatement _single;
    private readonly RetainedBindings _batchValues;
    private readonly RetainedBindings _singleValues;
    private readonly NewSaleRow[] _pending = new NewSaleRow[RowsPerStatement];
    private int _pendingCount;
    private int _inserted;

    public NewSalesInsert(SqliteConnection connection, long importId)
    {
        _batch = new RawStatement(connection, Sql(RowsPerStatement));
        _single = new RawStatement(connection, Sql(1));
        _batch.Bind((RowsPerStatement * ValuesPerRow) + 1, importId);
        _single.Bind(ValuesPerRow + 1, importId);
        _batchValues = new RetainedBindings(_batch, RowsPerStatement * ValuesPerRow);
        _singleValues = new RetainedBindings(_single, ValuesPerRow);
    }

    public void Add(in NewSaleRow row)
    {
        _pending[_pendingCount++] = row;
        if (_pendingCount == RowsPerStatement)
        {
            for (var slot = 0; slot < RowsPerStatement; slot++)
            {
                Bind(_batchValues, slot, _pending[slot]);
            }

            _inserted += _batch.Execute();
            _pendingCount = 0;
        }
    }

    /// <summary>Inserts the lines still pending; returns how many lines were inserted in all.</summary>
    public int Finish()
    {
        for (var slot = 0; slot < _pendingCount; slot++)
        {
            Bind(_singleValues, 0, _pending[slot]);
            _inserted += _single.Execute();
        }

        _pendingCount = 0;
        return _inserted;
    }

    public void Dispose()
    {
        _batch.Dispose();
        _single.Dispose();
    }

    private static void Bind(RetainedBindings statement, int slot, in NewSaleRow row)
    {
        var first = (slot * ValuesPerRow) + 1;
        statement.Bind(first, row.Day);
        statement.Bind(first + 1, row.Reference);
        statement.Bind(first + 2, row.StoreId);
        statement.Bind(first + 3, row.Quantity);
        statement.Bind(first + 4, row.Occurrence);
        statement.Bind(first + 5, row.UnitPriceCents);
    }

    // Placeholders only (?1, ?2, ...): no value is ever part of the SQL. The import id is the last parameter.
    private static string Sql(int rows)
    {
        var importId = (rows * ValuesPerRow) + 1;
        var values = Enumerable.Range(0, rows).Select(row =>
        {
            var first = (row * ValuesPerRow) + 1;
            return string.Create(CultureInfo.InvariantCulture, $"(?{first}, ?{first + 1}, ?{first + 2}, ?{first + 3}, ?{first + 4}, ?{first + 5}, ?{importId})");
        });
        return $"""
            INSERT INTO sales (sale_date, product_reference, store_id, quantity, occurrence, unit_price_cents, import_id)
            VALUES {string.Join(", ", values)}
            ON CONFLICT (sale_date, product_reference, store_id, quantity, occurrence) DO NOTHING
            """;
    }
}
