using Microsoft.Extensions.Options;
using Sales.Application.Abstractions;
using Sales.Domain.Sheets;
using Sales.Domain.Text;

namespace Sales.Infrastructure.Sources;

/// <summary>Reads the client's sheets as CSV with CsvHelper, from a path or a URL.</summary>
internal sealed class CsvSheetReader(SheetFetcher fetcher, IOptions<SalesOptions> options) : ISheetReader
{
    public async Task<IOpenedSheet> OpenAsync(SheetKind kind, string location, CancellationToken cancellationToken)
    {
        var opening = await OpenUnlessNotModifiedAsync(kind, location, known: null, cancellationToken).ConfigureAwait(false);
        return opening.Sheet!;
    }

    public Task<SheetOpening> OpenIfChangedAsync(SheetKind kind, string location, SourceVersion known, CancellationToken cancellationToken) =>
        OpenUnlessNotModifiedAsync(kind, location, known, cancellationToken);

    private async Task<SheetOpening> OpenUnlessNotModifiedAsync(SheetKind kind, string location, SourceVersion? known, CancellationToken cancellationToken)
    {
        var file = await fetcher.FetchIfChangedAsync(location, known, cancellationToken).ConfigureAwait(false);
        if (file is null)
        {
            return SheetOpening.NotModified;
        }

        try
        {
            return SheetOpening.Opened(CsvSheet.Open(kind, SourceRedaction.Redact(location), file, options.Value.MaxLineLength));
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }
}
