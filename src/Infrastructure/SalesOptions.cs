namespace Sales.Infrastructure;

/// <summary>Settings of the infrastructure: where the database is and how sources are fetched.</summary>
public sealed class SalesOptions
{
    /// <summary>Path of the SQLite database file; its directory must exist.</summary>
    public string DatabasePath { get; set; } = "sales.db";

    /// <summary>Longest time one HTTP download may take, headers and body together.</summary>
    public TimeSpan HttpTimeout { get; set; } = TimeSpan.FromSeconds(100);
}
