namespace Sales.Infrastructure;

/// <summary>Settings of the infrastructure: where the database is and how sources are fetched.</summary>
public sealed class SalesOptions
{
    /// <summary>
    /// Path of the SQLite database file (its directory must exist), or a PostgreSQL URI
    /// <c>postgresql://user[:password]@host[:port]/database</c> (see docs/postgresql.md).
    /// </summary>
    public string DatabasePath { get; set; } = "sales.db";

    /// <summary>Longest time one HTTP download may take, headers and body together.</summary>
    public TimeSpan HttpTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Retries of a request that failed transiently (5xx, 408, 429, network error); 0 for none.</summary>
    public int HttpRetries { get; set; } = 3;

    /// <summary>Wait before the first retry; it doubles at each retry, with jitter.</summary>
    public TimeSpan HttpRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait for another writer's lock on the database before giving up.</summary>
    public TimeSpan LockWaitLimit { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Told once, with the message to show, when a write starts waiting for another writer's lock.</summary>
    public Action<string>? LockWaitNotice { get; set; }
}
