namespace Sales.Application.Abstractions;

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
