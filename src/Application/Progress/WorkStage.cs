namespace Sales.Application.Progress;

/// <summary>What long work is doing now, as <see cref="WorkProgress"/> reports it.</summary>
public enum WorkStage
{
    /// <summary>Nothing started yet.</summary>
    Starting,

    /// <summary>Opening the database, or waiting for its write lock: no count.</summary>
    OpeningDatabase,

    /// <summary>Bringing a sheet's bytes to local disk: the count is bytes, of the size when known.</summary>
    Fetching,

    /// <summary>Reading a sheet's lines: the count is lines read.</summary>
    Reading,

    /// <summary>Putting the sales lines in identity order: the count is the lines to store.</summary>
    Sorting,

    /// <summary>Storing a sheet in the database: for the sales sheet, the count is lines passed to the store, of those to store.</summary>
    Storing,

    /// <summary>Running the analyses: no count.</summary>
    Analyzing,
}
