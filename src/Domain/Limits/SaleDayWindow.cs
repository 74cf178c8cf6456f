using System.Globalization;

namespace Sales.Domain.Limits;

/// <summary>
/// The days a sale can plausibly be dated: a day outside is a typo (<c>2203-05-27</c>,
/// <c>0001-01-01</c>) and is refused, so that no single line can stretch a period, and with it
/// the number of rows an analysis of that period writes.
/// </summary>
/// <param name="First">Earliest plausible day.</param>
/// <param name="Last">Latest plausible day.</param>
public readonly record struct SaleDayWindow(DateOnly First, DateOnly Last)
{
    /// <summary>Every representable day: no day refused.</summary>
    public static SaleDayWindow Unbounded { get; } = new(DateOnly.MinValue, DateOnly.MaxValue);

    /// <summary>Whether <paramref name="day"/> is plausible.</summary>
    public bool Contains(DateOnly day) => day >= First && day <= Last;

    /// <summary>Whether the day numbered <paramref name="dayNumber"/> is plausible; no allocation, as every sales line goes through it.</summary>
    public bool ContainsDayNumber(int dayNumber) => dayNumber >= First.DayNumber && dayNumber <= Last.DayNumber;

    /// <summary>Why <paramref name="text"/>, read as <paramref name="day"/>, is refused.</summary>
    public string OutsideReason(string text, DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture,
            $"'{text}' ({day:yyyy-MM-dd}) is outside the plausible sale days {First:yyyy-MM-dd} to {Last:yyyy-MM-dd} (settings Sales:EarliestSaleDay, Sales:LatestSaleDayAfterToday)");
}
