namespace Sales.Application.Profiling;

/// <summary>What the import accepts in a column.</summary>
internal enum ValueRule
{
    Text,
    PositiveWholeNumber,
    NonNegativeWholeNumber,
    NonNegativeAmount,
    Date,
}
