using MediatR;
using Sales.Application.Abstractions;
using Sales.Application.Import;
using Sales.Application.Progress;
using Sales.Domain.Parsing;
using Sales.Domain.Sheets;

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

internal sealed class ProfileSheetsHandler(ISheetReader reader, SaleDayPolicy dayPolicy, TimeProvider clock, WorkProgress? progress = null)
    : IRequestHandler<ProfileSheetsCommand, DataSetProfile>
{
    private readonly WorkProgress _progress = progress ?? new WorkProgress();

    public async Task<DataSetProfile> Handle(ProfileSheetsCommand request, CancellationToken cancellationToken)
    {
        var products = await ProfileAsync(SheetKind.Products, request.ProductsSource, cancellationToken).ConfigureAwait(false);
        var stores = await ProfileAsync(SheetKind.Stores, request.StoresSource, cancellationToken).ConfigureAwait(false);
        var sales = await ProfileAsync(SheetKind.Sales, request.SalesSource, cancellationToken).ConfigureAwait(false);
        return DataSetProfiler.Complete(products, stores, sales, request.DateOrder);
    }

    private async Task<SheetProfiler?> ProfileAsync(SheetKind kind, string? source, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            return null;
        }

        _progress.Enter(WorkStage.Fetching, kind);
        using var sheet = await reader.OpenAsync(kind, source, cancellationToken).ConfigureAwait(false);
        var profiler = new SheetProfiler(kind, sheet.Location, dayPolicy.WindowAt(clock));
        foreach (var line in _progress.Counting(WorkStage.Reading, kind, sheet.ReadLines()))
        {
            cancellationToken.ThrowIfCancellationRequested();
            profiler.Add(line);
        }

        return profiler;
    }
}
