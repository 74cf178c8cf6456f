namespace Sales.Infrastructure.Persistence;

/// <summary>
/// The stored sales identities as <see cref="StoredIdentityMerge{TRows}"/> reads them, in key order:
/// from the database as it goes (<see cref="LiveStoredRows"/>) or from keys read ahead
/// (<see cref="ReadAheadStoredRows"/>). Implemented by structs, so that the merge is compiled for each.
/// </summary>
internal interface IStoredRows
{
    /// <summary>Moves to the next row; false when there is none.</summary>
    bool Read();

    /// <summary>The current row's day as ISO UTF-8 text.</summary>
    ReadOnlySpan<byte> Day { get; }

    /// <summary>The current row's product reference as UTF-8.</summary>
    ReadOnlySpan<byte> Reference { get; }

    long StoreId { get; }

    long Quantity { get; }

    long Occurrence { get; }
}
