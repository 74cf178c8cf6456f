using MediatR;
using Sales.Application.Abstractions;
using Sales.Application.Import;
using Sales.Application.Progress;
using Sales.Domain.Parsing;
using Sales.Domain.Sheets;

namespace Sales.Application.Profiling;

internal sealed class ProfileSheetsHandler(ISheetReader reader, SaleDayPolicy dayPolicy, TimeProvider clock, WorkProgress progress)
    : IRequestHandler<ProfileSheetsCommand, DataSetProfile>
{
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

        // With no known version, the reader always opens the sheet.
        progress.Enter(WorkStage.Fetching, kind);
        var opening = await reader.OpenAsync(kind, source, known: null, cancellationToken).ConfigureAwait(false);
        using var sheet = opening.Sheet!;
        var profiler = new SheetProfiler(kind, sheet.Location, dayPolicy.WindowAt(clock));
        foreach (var line in progress.Counting(WorkStage.Reading, kind, sheet.ReadLines()))
        {
            cancellationToken.ThrowIfCancellationRequested();
            profiler.Add(line);
        }

        return profiler;
    }
}
