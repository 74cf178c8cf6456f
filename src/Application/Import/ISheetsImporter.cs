namespace Sales.Application.Import;

/// <summary>The import use case, as the commands that import (<c>import</c>, <c>run</c>, <c>watch</c>) see it.</summary>
internal interface ISheetsImporter
{
    /// <summary>Fetches, parses and stores the sheets in one transaction; logs the import, failed or not.</summary>
    Task<ImportResult> ImportAsync(ImportSheetsCommand request, CancellationToken cancellationToken);
}
