namespace Sales.Domain.Parsing;

/// <summary>
/// Decides, for a whole sheet, whether slashed days are day-first or month-first, from the values
/// themselves: <c>27/5/2023</c> can only be day-first, <c>5/27/2023</c> only month-first. A sheet
/// where every slashed day reads both ways (or where both kinds appear) is not guessed.
/// </summary>
internal sealed class DateOrderDetector
{
    private string? _dayFirstExample;
    private string? _monthFirstExample;
    private string? _ambiguousExample;

    /// <summary>Takes one day of the sheet into account.</summary>
    public void Observe(DateToken token)
    {
        if (!token.IsSlashed)
        {
            return;
        }

        var dayFirst = token.IsValid(DateOrder.DayFirst);
        var monthFirst = token.IsValid(DateOrder.MonthFirst);
        if (dayFirst && monthFirst)
        {
            _ambiguousExample ??= token.Text;
        }
        else if (dayFirst)
        {
            _dayFirstExample ??= token.Text;
        }
        else if (monthFirst)
        {
            _monthFirstExample ??= token.Text;
        }
    }

    /// <summary>
    /// The order of the sheet's slashed days; <paramref name="forced"/> (the <c>--date-format</c>
    /// option) wins. Null when the sheet has no slashed day.
    /// </summary>
    /// <exception cref="DateOrderException">The order cannot be decided from the values.</exception>
    public DateOrder? Decide(DateOrder? forced)
    {
        if (forced is not null)
        {
            return forced;
        }

        if (_dayFirstExample is not null && _monthFirstExample is not null)
        {
            throw new DateOrderException(
                $"the dates mix day-first ('{_dayFirstExample}') and month-first ('{_monthFirstExample}') days; " +
                $"settle it with --date-format ({DateOrderNames.Accepted})");
        }

        if (_dayFirstExample is not null)
        {
            return DateOrder.DayFirst;
        }

        if (_monthFirstExample is not null)
        {
            return DateOrder.MonthFirst;
        }

        if (_ambiguousExample is not null)
        {
            throw new DateOrderException(
                $"cannot tell whether the dates are day-first or month-first: every slashed date reads both ways (e.g. '{_ambiguousExample}'); " +
                $"settle it with --date-format ({DateOrderNames.Accepted})");
        }

        return null;
    }
}
