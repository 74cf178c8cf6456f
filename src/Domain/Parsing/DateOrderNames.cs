namespace Sales.Domain.Parsing;

/// <summary>Reads the <c>--date-format</c> option.</summary>
public static class DateOrderNames
{
    /// <summary>The spellings accepted for each order, for help texts.</summary>
    public const string Accepted = "d/M/yyyy (or dmy) and M/d/yyyy (or mdy)";

    /// <summary>Parses <c>dmy</c>, <c>d/M/yyyy</c>, <c>dd/MM/yyyy</c>, <c>mdy</c>, <c>M/d/yyyy</c>, <c>MM/dd/yyyy</c>.</summary>
    public static bool TryParse(string? text, out DateOrder order)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "DMY" or "D/M/YYYY" or "DD/MM/YYYY":
                order = DateOrder.DayFirst;
                return true;
            case "MDY" or "M/D/YYYY" or "MM/DD/YYYY":
                order = DateOrder.MonthFirst;
                return true;
            default:
                order = default;
                return false;
        }
    }
}
