using Microsoft.Extensions.Options;
using Sales.Application.Abstractions;
using Sales.Domain.Sheets;
using Sales.Domain.Text;

namespace Sales.Infrastructure.Sources;

/// <summary>Reads the client's sheets as CSV with CsvHelper, from a path or a URL.</summary>
internal sealed class CsvSheetReader(SheetFetcher fetcher, IOptions<SalesOptions> options) : ISheetReader
{
    public async Task<SheetOpening> OpenAsync(SheetKind kind, string location, SourceVersion? known, CancellationToken cancellationToken)
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
