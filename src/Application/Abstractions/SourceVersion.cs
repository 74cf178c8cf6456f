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

/// <summary>The outcome of opening a sheet only if it changed: the sheet, or "not modified".</summary>
internal sealed class SheetOpening
{
    private SheetOpening(IOpenedSheet? sheet) => Sheet = sheet;

    /// <summary>The server answered 304 Not Modified: nothing was downloaded.</summary>
    public static SheetOpening NotModified { get; } = new(null);

    /// <summary>The fetched sheet; null when the source is <see cref="NotModified"/>.</summary>
    public IOpenedSheet? Sheet { get; }

    /// <summary>A sheet that was fetched.</summary>
    public static SheetOpening Opened(IOpenedSheet sheet) => new(sheet ?? throw new ArgumentNullException(nameof(sheet)));
}
