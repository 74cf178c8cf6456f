namespace Sales.Benchmark;

/// <summary>The products and stores sheets every import is given.</summary>
internal sealed record SheetFiles(string Products, string Stores);
