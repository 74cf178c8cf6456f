namespace Sales.Domain.Parsing;

/// <summary>How a sheet writes slashed days.</summary>
public enum DateOrder
{
    /// <summary><c>d/M/yyyy</c>, the French way: <c>27/5/2023</c>.</summary>
    DayFirst,

    /// <summary><c>M/d/yyyy</c>, the American way: <c>5/27/2023</c>.</summary>
    MonthFirst,
}
