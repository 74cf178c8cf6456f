using Sales.Application.Abstractions;
using Sales.Domain.Parsing;
using Sales.Domain.Sheets;

namespace Sales.UnitTests.Import;

/// <summary>Sheets held as lines of text: the header first, comma-separated, no quoting.</summary>
internal sealed class InMemorySheets : ISheetReader
{
    private readonly Dictionary<string, string[]> _files = new(StringComparer.Ordinal);

    public void Serve(string location, params string[] lines) => _files[location] = lines;

    public Task<SheetOpening> OpenAsync(SheetKind kind, string location, SourceVersion? known, CancellationToken cancellationToken)
    {
        var lines = _files[location];
        if (!SheetLayout.For(kind).TryMap(lines[0].Split(','), out var positions, out var reason))
        {
            throw new SheetSourceException(location, reason, 1);
        }

        return Task.FromResult(SheetOpening.Opened(new InMemorySheet(kind, location, lines, positions)));
    }

    private sealed class InMemorySheet(SheetKind kind, string location, string[] lines, int[] positions) : IOpenedSheet
    {
        public SheetKind Kind => kind;

        public string Location => location;

        public string ContentHash => new string('0', 64);

        public SourceVersion Version => new(null, null, ContentHash);

        public IEnumerable<ISheetLine> ReadLines() =>
            lines.Skip(1).Select((text, index) =>
            {
                var fields = text.Split(',');
                return (ISheetLine)new Line(index + 2, [.. positions.Select(p => p < fields.Length ? fields[p] : string.Empty)], text);
            });

        public void Dispose()
        {
        }
    }

    private sealed record Line(long LineNumber, IReadOnlyList<string> Values, string RawText) : ISheetLine
    {
        public RowError? ReaderRefusal => null;
    }
}
