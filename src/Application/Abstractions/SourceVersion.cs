namespace Sales.Application.Abstractions;

/// <summary>
/// A version of a source as last imported: the HTTP validators its server gave (for a conditional
/// request next time) and the SHA-256 of its bytes (to recognise the same content without them).
/// </summary>
/// <param name="ETag">The <c>ETag</c> header, as sent; null when the server sent none or the source is a file.</param>
/// <param name="LastModified">The <c>Last-Modified</c> header, as sent; null when absent.</param>
/// <param name="ContentSha256">SHA-256 of the bytes, lower-case hex.</param>
internal sealed record SourceVersion(string? ETag, string? LastModified, string ContentSha256)
{
    /// <summary>Whether a server can be asked "has it changed since?" for this version.</summary>
    public bool HasValidators => ETag is not null || LastModified is not null;
}
