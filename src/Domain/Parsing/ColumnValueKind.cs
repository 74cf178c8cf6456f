namespace Sales.Domain.Parsing;

/// <summary>What kind of value a column holds.</summary>
internal enum ColumnValueKind
{
    Text,
    WholeNumber,
    Amount,
    Day,
}
