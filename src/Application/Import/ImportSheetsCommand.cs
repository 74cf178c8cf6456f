using MediatR;
using Sales.Domain.Parsing;

namespace Sales.Application.Import;

/// <summary>
/// Imports the client's sheets (each a local path or an http(s) URL; a null source is skipped) in
/// one transaction: products and stores are upserted, and only the sales lines whose identity is
/// not stored yet are added.
/// </summary>
/// <param name="ProductsSource">Path or URL of the products sheet.</param>
/// <param name="StoresSource">Path or URL of the stores sheet.</param>
/// <param name="SalesSource">Path or URL of the sales sheet.</param>
public sealed record ImportSheetsCommand(string? ProductsSource, string? StoresSource, string? SalesSource) : IRequest<ImportResult>
{
    /// <summary>Fail the whole import when any line is refused, instead of recording it.</summary>
    public bool Strict { get; init; }

    /// <summary>Order of slashed days, when the sales sheet cannot tell (<c>--date-format</c>).</summary>
    public DateOrder? DateOrder { get; init; }

    /// <summary>
    /// Log the import even when every source answered 304 Not Modified (the default). <c>watch</c>
    /// turns it off: an unchanged cycle every 30 s would add thousands of log rows a day that say
    /// nothing; such an import then writes nothing at all and its <see cref="ImportResult.ImportId"/> is null.
    /// </summary>
    public bool LogWhenUnchanged { get; init; } = true;
}
