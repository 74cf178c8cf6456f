using MediatR;
using Sales.Application.Import;

namespace Sales.Application.Run;

/// <summary>
/// <c>run</c>, the scheduled job: the import, then every analysis on the stored sales, whatever
/// the import stored.
/// </summary>
/// <param name="Import">The import to run first.</param>
public sealed record RunCommand(ImportSheetsCommand Import) : IRequest<ImportAndAnalyses>;
