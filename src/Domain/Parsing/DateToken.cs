namespace Sales.Domain.Parsing;

/// <summary>
/// A day as read from a sheet: either already a date (ISO <c>yyyy-MM-dd</c>) or a slashed day
/// whose two first numbers are the day and the month in an order the whole sheet decides.
/// </summary>
internal readonly struct DateToken
{
    private readonly DateOnly _iso;
    private readonly short _first;
    private readonly short _second;
    private readonly short _year;

    private DateToken(DateOnly iso, short first, short second, short year, string? text)
    {
        _iso = iso;
        _first = first;
        _second = second;
        _year = year;
        Text = text;
    }

    /// <summary>True for a slashed day, which needs a <see cref="DateOrder"/>.</summary>
    public bool IsSlashed => _year != 0;

    /// <summary>First number of a slashed day.</summary>
    internal int First => _first;

    /// <summary>Second number of a slashed day.</summary>
    internal int Second => _second;

    /// <summary>Year of a slashed day.</summary>
    internal int Year => _year;

    /// <summary>The text as written, for slashed days (used in messages).</summary>
    public string? Text { get; }

    /// <summary>A day written <c>yyyy-MM-dd</c>.</summary>
    public static DateToken Iso(DateOnly date) => new(date, 0, 0, 0, null);

    /// <summary>A day written <c>a/b/year</c>; <paramref name="text"/> may be given later (<see cref="WithText"/>).</summary>
    public static DateToken Slashed(int first, int second, int year, string? text) =>
        new(default, (short)first, (short)second, (short)year, text);

    /// <summary>The same day, naming <paramref name="text"/> as written.</summary>
    public DateToken WithText(string text) => new(_iso, _first, _second, _year, text);

    /// <summary>Whether the token is a real day when read in <paramref name="order"/>.</summary>
    public bool IsValid(DateOrder order) => !IsSlashed || (order == DateOrder.DayFirst
        ? IsValidDate(_year, _second, _first)
        : IsValidDate(_year, _first, _second));

    /// <summary>The day, reading a slashed token in <paramref name="order"/>; check <see cref="IsValid"/> first.</summary>
    public DateOnly Resolve(DateOrder order) => !IsSlashed ? _iso : order == DateOrder.DayFirst
        ? new DateOnly(_year, _second, _first)
        : new DateOnly(_year, _first, _second);

    /// <summary>Why a slashed day <paramref name="text"/> is refused once the sheet's order is <paramref name="order"/>.</summary>
    public static string NotValidWhenReadAs(string text, DateOrder order) =>
        $"'{text}' is not a valid date when read as {(order == DateOrder.DayFirst ? "d/M/yyyy" : "M/d/yyyy")}";

    /// <summary>Whether year, month and day name a real day.</summary>
    public static bool IsValidDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
}
