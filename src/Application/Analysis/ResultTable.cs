namespace Sales.Application.Analysis;

/// <summary>One analysis's result table.</summary>
/// <param name="Name">Analysis name.</param>
/// <param name="Title">What the analysis shows, in a sentence.</param>
/// <param name="Columns">Column names, in order.</param>
/// <param name="Rows">Rows in the order the analysis produced them; values are <see cref="long"/>, <see cref="decimal"/>, <see cref="string"/> or null.</param>
public sealed record ResultTable(string Name, string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);
