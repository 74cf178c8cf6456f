using Sales.Domain.Sheets;

namespace Sales.Application.Abstractions;

/// <summary>The database an import writes to.</summary>
internal interface IImportStore
{
    /// <summary>
    /// The version of <paramref name="source"/> last imported as sheet <paramref name="kind"/>, if it
    /// still describes what the database holds: no other source of that sheet was imported since,
    /// and, for the sales sheet, no product or store was added since (a line refused then for an
    /// unknown product or store could be stored now). Null when there is none.
    /// </summary>
    Task<SourceVersion?> GetKnownVersionAsync(SheetKind kind, string source, CancellationToken cancellationToken);

    /// <summary>
    /// Starts reading, on another core, the stored sales' identities that storing a sales sheet
    /// compares it with, so that the reading overlaps the parse. Only a hint: the session begun with
    /// it uses what was read if nothing was written to the database in between, and reads again
    /// otherwise. Null when the store does not read ahead.
    /// </summary>
    IStoredSalesReadAhead? ReadStoredSalesAhead(CancellationToken cancellationToken);

    /// <summary>
    /// Starts one import: everything written through the session is one transaction. The session
    /// takes over <paramref name="readAhead"/> (from <see cref="ReadStoredSalesAhead"/>) when given.
    /// </summary>
    Task<IImportSession> BeginAsync(DateTimeOffset startedAt, IStoredSalesReadAhead? readAhead, CancellationToken cancellationToken);

    /// <summary>
    /// Records, outside any import transaction, that an import failed and why; <paramref name="cancellationToken"/>
    /// bounds only the wait for another writer's lock (already cancelled: logged only if the database is free at once).
    /// </summary>
    Task RecordFailureAsync(DateTimeOffset startedAt, DateTimeOffset finishedAt, string message, CancellationToken cancellationToken);
}
