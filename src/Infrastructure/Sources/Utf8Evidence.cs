using System.Text;

namespace Sales.Infrastructure.Sources;

/// <summary>
/// Whether a file is UTF-8, judged on all of it while it is read once: valid UTF-8 throughout, or
/// mostly (more well-formed multi-byte characters than invalid bytes: one bad byte in a UTF-8
/// export). A Windows-1252 file, whose accents are single bytes, is invalid at every accent and
/// has next to no well-formed multi-byte sequence.
/// </summary>
internal sealed class Utf8Evidence
{
    private readonly Decoder _strict = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
    private char[]? _chars;
    private long _multiByteExtra;
    private long _invalid;

    /// <summary>Bytes that are not well-formed UTF-8.</summary>
    public long InvalidBytes => _invalid;

    public bool IsUtf8 => _invalid == 0 || _multiByteExtra > _invalid;

    public void Append(ReadOnlySpan<byte> chunk, bool final)
    {
        if (_invalid == 0)
        {
            try
            {
                // The fast path, for valid files: bytes beyond the characters they decode to are
                // the extra bytes of multi-byte characters.
                _multiByteExtra += chunk.Length - _strict.GetCharCount(chunk, flush: final);
                return;
            }
            catch (DecoderFallbackException)
            {
                _strict.Reset();

                // At the end, only a truncated last character can be invalid.
                _invalid += chunk.IsEmpty ? 1 : 0;
            }
        }

        CountInvalid(chunk);
    }

    // Only for files with invalid bytes: decodes them piecewise, counting what does not decode.
    private void CountInvalid(ReadOnlySpan<byte> chunk)
    {
        _chars ??= new char[1 << 16];
        while (!chunk.IsEmpty)
        {
            var piece = chunk[..Math.Min(chunk.Length, _chars.Length)];
            var status = System.Text.Unicode.Utf8.ToUtf16(piece, _chars, out var read, out var written, replaceInvalidSequences: false, isFinalBlock: true);
            _multiByteExtra += read - written;
            chunk = chunk[read..];
            if (status == System.Buffers.OperationStatus.InvalidData)
            {
                _invalid++;
                chunk = chunk[1..];
            }
        }
    }
}
