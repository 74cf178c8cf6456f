using MediatR;

namespace Sales.Application.Import;

internal sealed class ImportSheetsHandler(ISheetsImporter importer) : IRequestHandler<ImportSheetsCommand, ImportResult>
{
    public Task<ImportResult> Handle(ImportSheetsCommand request, CancellationToken cancellationToken) =>
        importer.ImportAsync(request, cancellationToken);
}
