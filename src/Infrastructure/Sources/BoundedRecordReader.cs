using System.Buffers;
using Sales.Domain.Limits;

namespace Sales.Infrastructure.Sources;

/// <summary>
/// Hands a CSV text to its parser one whole record at a time, never holding a record longer than
/// a bound: a record (a line, or several when a quoted field spans lines) longer than the bound is
/// read to its end and dropped, and the parser gets <see cref="Sentinel"/> in its place, followed by
/// as many line ends as the record had (so later line numbers stay right). Its start, bounded, waits
/// in <see cref="TakeOverlongStart"/>. Memory stays about twice the bound, whatever the input.
/// </summary>
internal sealed class BoundedRecordReader : TextReader
{
    private static readonly SearchValues<char> Specials = SearchValues.Create("\"\r\n");

    private readonly TextReader _inner;
    private readonly int _maxLength;
    private readonly char[] _buffer;
    private readonly Queue<string> _overlongStarts = new();

    // _buffer[_start.._ready) holds whole records not handed out yet; _buffer[_recordStart.._end) the
    // record being read, scanned up to _scanned. _start == _ready == _recordStart when all is handed out.
    private int _start;
    private int _ready;
    private int _recordStart;
    private int _scanned;
    private int _end;
    private bool _quoted;
    private bool _endOfInput;
    private bool _dropLineFeed;
    private string? _replacement;
    private int _replacementPosition;
    private bool _skipLineFeed;

    public BoundedRecordReader(TextReader inner, int maxLength)
    {
        _inner = inner;
        _maxLength = maxLength;
        _buffer = new char[maxLength + (1 << 16)];
        Sentinel = "\uFFFF" + Guid.NewGuid().ToString("N");
    }

    /// <summary>The single field a too-long record is replaced by; no real sheet holds it.</summary>
    public string Sentinel { get; }

    /// <summary>The start of the oldest too-long record handed out as <see cref="Sentinel"/>, bounded and marked as cut.</summary>
    public string TakeOverlongStart() => _overlongStarts.Dequeue();

    /// <summary>
    /// The next line of a text that holds no quote character, without its line end (<c>\n</c>,
    /// <c>\r\n</c> or <c>\r</c>): with no quote, a record is a line. Valid until the next read.
    /// </summary>
    public bool TryReadLine(out ReadOnlyMemory<char> line)
    {
        var available = Available();
        if (_skipLineFeed)
        {
            // The \n of a \r\n, which may come in the next piece of the text.
            _skipLineFeed = false;
            if (!available.IsEmpty && available.Span[0] == '\n')
            {
                Consume(1);
                available = Available();
            }
        }

        if (available.IsEmpty)
        {
            line = default;
            return false;
        }

        var end = available.Span.IndexOfAny('\r', '\n');
        line = end < 0 ? available : available[..end];
        _skipLineFeed = end >= 0 && available.Span[end] == '\r';
        Consume(end < 0 ? available.Length : end + 1);
        return true;
    }

    public override int Read()
    {
        var available = Available().Span;
        if (available.IsEmpty)
        {
            return -1;
        }

        var read = available[0];
        Consume(1);
        return read;
    }

    public override int Peek()
    {
        var available = Available().Span;
        return available.IsEmpty ? -1 : available[0];
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var available = Available().Span;
        var count = Math.Min(available.Length, buffer.Length);
        available[..count].CopyTo(buffer);
        Consume(count);
        return count;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private ReadOnlyMemory<char> Available()
    {
        while (true)
        {
            if (_replacement is not null)
            {
                if (_replacementPosition < _replacement.Length)
                {
                    return _replacement.AsMemory(_replacementPosition);
                }

                _replacement = null;
            }

            if (_start < _ready)
            {
                return _buffer.AsMemory(_start, _ready - _start);
            }

            if (!ScanMore())
            {
                return ReadOnlyMemory<char>.Empty;
            }
        }
    }

    private void Consume(int count)
    {
        if (_replacement is not null)
        {
            _replacementPosition += count;
        }
        else
        {
            _start += count;
        }
    }

    // Finds whole records after _ready (or replaces a too-long one); false at the end of the input.
    private bool ScanMore()
    {
        while (true)
        {
            DropLineFeedAfterSkippedRecord();
            if (!ScanBuffered())
            {
                return _start < _ready || SkipOverlongRecord();
            }

            if (_start < _ready)
            {
                return true;
            }

            if (_endOfInput)
            {
                // The last record, without a line end.
                _ready = _recordStart = _scanned = _end;
                return _start < _ready;
            }

            ReadMore();
        }
    }

    // Moves _ready past every record end in the buffer; false once the record being read passes the bound.
    private bool ScanBuffered()
    {
        while (_scanned < _end)
        {
            var rest = _buffer.AsSpan(_scanned, _end - _scanned);
            var next = _quoted ? rest.IndexOf('"') : rest.IndexOfAny(Specials);
            var at = next < 0 ? _end : _scanned + next;
            if (at - _recordStart > _maxLength)
            {
                return false;
            }

            _scanned = next < 0 ? _end : at + 1;
            if (next < 0)
            {
                break;
            }

            if (_buffer[at] == '"')
            {
                _quoted = !_quoted;
            }
            else
            {
                // A line end outside quotes ends the record (\r\n is two ends, the second of an empty record).
                _ready = _recordStart = _scanned;
            }
        }

        return true;
    }

    private void ReadMore()
    {
        if (_recordStart > 0)
        {
            Array.Copy(_buffer, _recordStart, _buffer, 0, _end - _recordStart);
            _scanned -= _recordStart;
            _end -= _recordStart;
            _start = _ready = _recordStart = 0;
        }

        var read = _inner.Read(_buffer, _end, _buffer.Length - _end);
        _endOfInput = read == 0;
        _end += read;
    }

    // Reads the too-long record at _recordStart to its end, keeping only its start and counting its line ends.
    private bool SkipOverlongRecord()
    {
        var start = new string(_buffer, _recordStart, Math.Min(BoundedText.MaxLength, _end - _recordStart));

        // Scanned again from its start, where no quote is open.
        _quoted = false;
        var skipped = new Skipped { Position = _recordStart };
        while (!SkipWithinBuffer(ref skipped) && !_endOfInput)
        {
            _recordStart = _start = _ready = _scanned = skipped.Position = _end = 0;
            ReadMore();
        }

        _quoted = false;
        _start = _ready = _recordStart = _scanned = skipped.Position;

        // A bound below BoundedText.MaxLength: the buffered start also held the records after this one.
        if (skipped.Length < start.Length)
        {
            start = start[..(int)skipped.Length];
        }

        _overlongStarts.Enqueue(BoundedText.CutFromStart(start, skipped.Length));
        _replacement = Sentinel + new string('\n', skipped.LineEnds + 1);
        _replacementPosition = 0;
        return true;
    }

    // Advances through the buffer; true once the record's line end (outside quotes) is passed.
    private bool SkipWithinBuffer(ref Skipped skipped)
    {
        while (skipped.Position < _end)
        {
            var rest = _buffer.AsSpan(skipped.Position, _end - skipped.Position);
            var next = rest.IndexOfAny(Specials);
            if (next < 0)
            {
                skipped.Length += rest.Length;
                skipped.Position = _end;
                skipped.AfterCarriageReturn = false;
                return false;
            }

            skipped.Length += next + 1;
            skipped.Position += next + 1;
            var special = _buffer[skipped.Position - 1];
            var secondOfCrLf = special == '\n' && next == 0 && skipped.AfterCarriageReturn;
            skipped.AfterCarriageReturn = special == '\r';
            if (special == '"')
            {
                _quoted = !_quoted;
            }
            else if (_quoted)
            {
                skipped.LineEnds += secondOfCrLf ? 0 : 1;
            }
            else
            {
                skipped.Length--;
                _dropLineFeed = special == '\r';
                return true;
            }
        }

        return false;
    }

    // The \n of a \r\n ending a skipped record belongs to its replacement's line end.
    private void DropLineFeedAfterSkippedRecord()
    {
        if (!_dropLineFeed)
        {
            return;
        }

        if (_scanned == _end && !_endOfInput)
        {
            ReadMore();
        }

        _dropLineFeed = false;
        if (_scanned < _end && _buffer[_scanned] == '\n')
        {
            _start = _ready = _recordStart = ++_scanned;
        }
    }

    /// <summary>Where the skipping of a too-long record is: its length and line ends so far.</summary>
    private struct Skipped
    {
        public int Position;
        public long Length;
        public int LineEnds;
        public bool AfterCarriageReturn;
    }
}
