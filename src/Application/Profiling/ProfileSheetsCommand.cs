using MediatR;
using Sales.Domain.Parsing;

namespace Sales.Application.Profiling;

/// <summary>
/// Qualifies the client's sheets (paths or URLs; a null source is skipped) without importing them:
/// nothing is written to the database.
/// </summary>
/// <param name="ProductsSource">Path or URL of the products sheet.</param>
/// <param name="StoresSource">Path or URL of the stores sheet.</param>
/// <param name="SalesSource">Path or URL of the sales sheet.</param>
public sealed record ProfileSheetsCommand(string? ProductsSource, string? StoresSource, string? SalesSource) : IRequest<DataSetProfile>
{
    /// <summary>Order of slashed days, when the sales sheet cannot tell (<c>--date-format</c>).</summary>
    public DateOrder? DateOrder { get; init; }
}
