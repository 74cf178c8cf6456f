using Sales.Domain.Limits;

namespace Sales.Application.Import;

/// <summary>
/// Which sale days are plausible, relative to the day of the import: set from
/// <c>Sales:EarliestSaleDay</c> and <c>Sales:LatestSaleDayAfterToday</c> (see SalesOptions).
/// </summary>
public sealed class SaleDayPolicy
{
    /// <summary>The default earliest plausible sale day.</summary>
    public static readonly DateOnly DefaultEarliest = new(2000, 1, 1);

    /// <summary>Earliest plausible sale day.</summary>
    public DateOnly EarliestSaleDay { get; set; } = DefaultEarliest;

    /// <summary>Days after today (UTC) still plausible: 1 by default, as a sheet kept in another time zone may already be tomorrow.</summary>
    public int LatestSaleDayAfterToday { get; set; } = 1;

    /// <summary>The window on the day <paramref name="clock"/> says it is (UTC).</summary>
    public SaleDayWindow WindowAt(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return new SaleDayWindow(EarliestSaleDay, today.AddDays(LatestSaleDayAfterToday));
    }
}
