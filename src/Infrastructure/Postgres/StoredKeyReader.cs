using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Npgsql;
using Sales.Domain;

namespace Sales.Infrastructure.Postgres;

/// <summary>
/// The stored sale identities from a first day on, in key order, from one
/// <c>COPY ... TO STDOUT (FORMAT BINARY)</c> whose rows this decodes itself: five fixed columns
/// whose layout is known, where Npgsql's general reader spends most of a re-import's merge on each
/// value's type checks, and a new string per row for a reference that is the previous row's most
/// of the time (rows come in key order, several per product and day).
/// </summary>
internal sealed class StoredKeyReader : IDisposable
{
    private const int Columns = 5;

    // PGCOPY\n\377\r\n\0, then the flags and the length of the header extension.
    private static readonly byte[] Signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];
    private static readonly int PostgresEpoch = new DateOnly(2000, 1, 1).DayNumber;

    private readonly NpgsqlRawCopyStream _copy;
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _finished;
    private byte[] _referenceBytes = [];
    private string _reference = string.Empty;

    public StoredKeyReader(NpgsqlConnection connection, DateOnly firstDay)
    {
        _copy = connection.BeginRawBinaryCopy($"""
            COPY (SELECT sale_date, product_reference, store_id, quantity, occurrence FROM sales
                  WHERE sale_date >= DATE '{firstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'
                  ORDER BY sale_date, product_reference, store_id, quantity, occurrence) TO STDOUT (FORMAT BINARY)
            """);
        SkipHeader();
    }

    /// <summary>The next stored identity, or false after the last.</summary>
    public bool TryRead(out SaleIdentity key)
    {
        Ensure(2);
        var columns = BinaryPrimitives.ReadInt16BigEndian(_buffer.AsSpan(_start));
        _start += 2;
        if (columns == -1)
        {
            _finished = true;
            key = default;
            return false;
        }

        if (columns != Columns)
        {
            throw new InvalidDataException($"The stored sales keys came with {columns} columns instead of {Columns}.");
        }

        var day = DateOnly.FromDayNumber(PostgresEpoch + ReadFixed());
        var reference = ReadReference();
        var storeId = ReadFixed();
        var quantity = ReadFixed();
        var occurrence = ReadFixed();
        key = new SaleIdentity(new Sale(day, reference, quantity, storeId), occurrence);
        return true;
    }

    public void Dispose()
    {
        // Stopped before the end: the server is told to stop producing rows nobody reads.
        if (!_finished)
        {
            _copy.Cancel();
        }

        _copy.Dispose();
    }

    private void SkipHeader()
    {
        Ensure(Signature.Length + 8);
        if (!_buffer.AsSpan(_start, Signature.Length).SequenceEqual(Signature))
        {
            throw new InvalidDataException("The stored sales keys did not come in PostgreSQL's binary COPY format.");
        }

        var extension = BinaryPrimitives.ReadInt32BigEndian(_buffer.AsSpan(_start + Signature.Length + 4));
        _start += Signature.Length + 8;
        Ensure(extension);
        _start += extension;
    }

    // A four-byte value (date, integer): its length, always 4, then the value, both big-endian.
    private int ReadFixed()
    {
        Ensure(8);
        var value = BinaryPrimitives.ReadInt32BigEndian(_buffer.AsSpan(_start + 4));
        _start += 8;
        return value;
    }

    private string ReadReference()
    {
        Ensure(4);
        var length = BinaryPrimitives.ReadInt32BigEndian(_buffer.AsSpan(_start));
        _start += 4;
        Ensure(length);
        var bytes = _buffer.AsSpan(_start, length);
        _start += length;
        if (!bytes.SequenceEqual(_referenceBytes))
        {
            _referenceBytes = bytes.ToArray();
            _reference = Encoding.UTF8.GetString(bytes);
        }

        return _reference;
    }

    // Makes the next count bytes readable from the buffer, reading more of the COPY as needed.
    private void Ensure(int count)
    {
        if (_end - _start >= count)
        {
            return;
        }

        var pending = _end - _start;
        if (count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(count, _buffer.Length * 2));
        }

        Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
        _start = 0;
        _end = pending;
        while (_end < count)
        {
            var read = _copy.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                throw new EndOfStreamException("The stored sales keys ended in the middle of a row.");
            }

            _end += read;
        }
    }
}
