namespace Sales.Domain.Parsing;

/// <summary>The order of a sheet's slashed days cannot be decided from its values.</summary>
internal sealed class DateOrderException(string message) : Exception(message);
