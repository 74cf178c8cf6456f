using MediatR;
using Sales.Application.Import;

namespace Sales.Application.Watch;

/// <summary>
/// One cycle of <c>watch</c>: the import (each source asked with a conditional request, only new
/// lines stored, in one transaction), then the analyses only if it stored something new. A failed
/// cycle is reported, not thrown, so the watch goes on; a stop request interrupts the cycle and
/// is reported too, the import's transaction then being rolled back.
/// </summary>
/// <param name="Import">The import each cycle runs.</param>
public sealed record WatchCycleCommand(ImportSheetsCommand Import) : IRequest<WatchCycleResult>
{
    /// <summary>Run the analyses even if nothing new is stored: an earlier cycle stored data but its analyses failed.</summary>
    public bool AnalysesPending { get; init; }
}
