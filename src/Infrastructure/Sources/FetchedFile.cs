using System.Security.Cryptography;
using System.Text;

namespace Sales.Infrastructure.Sources;

/// <summary>
/// A source's bytes on local disk (the file itself, or a temporary copy of a download), with what
/// was learned while reading them once: their hash and whether they are UTF-8.
/// </summary>
internal sealed class FetchedFile : IDisposable
{
    private readonly bool _deleteOnDispose;

    private FetchedFile(string path, bool deleteOnDispose, string contentHash, bool isUtf8, long invalidUtf8Bytes, long length, bool containsQuote)
    {
        ContainsQuote = containsQuote;
        InvalidUtf8Bytes = invalidUtf8Bytes;
        Path = path;
        _deleteOnDispose = deleteOnDispose;
        ContentHash = contentHash;
        IsUtf8 = isUtf8;
        Length = length;
    }

    public string Path { get; }

    public string ContentHash { get; }

    /// <summary>UTF-8, possibly with a few invalid bytes (<see cref="InvalidUtf8Bytes"/>); else Windows-1252.</summary>
    public bool IsUtf8 { get; }

    /// <summary>Bytes that are not well-formed UTF-8; in a UTF-8 file, each makes its line unreadable.</summary>
    public long InvalidUtf8Bytes { get; }

    public long Length { get; }

    /// <summary>
    /// Whether any byte is a double quote (0x22). Without one the text holds no quote character in
    /// any encoding it may be read in (UTF-8, Windows-1252, or UTF-16/32 after a byte order mark).
    /// </summary>
    public bool ContainsQuote { get; }

    /// <summary>The <c>ETag</c> the server sent with these bytes; null for a file or when absent.</summary>
    public string? ETag { get; set; }

    /// <summary>The <c>Last-Modified</c> the server sent with these bytes; null for a file or when absent.</summary>
    public string? LastModified { get; set; }

    /// <summary>
    /// Reads <paramref name="content"/> once, hashing and checking it. With <paramref name="temporaryCopy"/>
    /// the bytes are copied to <paramref name="path"/>, a new file deleted on dispose; without, they are that file's.
    /// </summary>
    /// <exception cref="TooLargeException">More than <paramref name="maxBytes"/> bytes came: reading stopped there (the copy holds at most that many).</exception>
    public static async Task<FetchedFile> ReadAsync(Stream content, string path, bool temporaryCopy, long maxBytes, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var utf8 = new Utf8Evidence();
        var buffer = new byte[1 << 16];
        long length = 0;
        var containsQuote = false;
        var copy = temporaryCopy ? new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true) : null;
        await using (copy)
        {
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (length + read > maxBytes)
                {
                    throw new TooLargeException();
                }

                var chunk = buffer.AsMemory(0, read);
                hash.AppendData(chunk.Span);
                utf8.Append(chunk.Span, final: false);
                containsQuote = containsQuote || chunk.Span.Contains((byte)'"');
                if (copy is not null)
                {
                    await copy.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
                }

                length += read;
            }

            utf8.Append([], final: true);
        }

        return new FetchedFile(path, temporaryCopy, Convert.ToHexStringLower(hash.GetHashAndReset()), utf8.IsUtf8, utf8.InvalidBytes, length, containsQuote);
    }

    /// <summary>The source holds more bytes than the cap.</summary>
    internal sealed class TooLargeException : Exception;

    public void Dispose()
    {
        if (_deleteOnDispose)
        {
            File.Delete(Path);
        }
    }
}
