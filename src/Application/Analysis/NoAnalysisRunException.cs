namespace Sales.Application.Analysis;

/// <summary>No analysis has run on this database yet.</summary>
public sealed class NoAnalysisRunException(string message) : Exception(message);
