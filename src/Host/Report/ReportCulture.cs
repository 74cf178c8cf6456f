using System.Globalization;

namespace Sales.Host.Report;

/// <summary>
/// How the report writes numbers, money, percentages and days for its reader, and in which language
/// (French for a French culture, English otherwise). Amounts are euros whatever the culture: only the
/// way they are written changes (<c>€5,268.78</c>, <c>5 268,78 €</c>).
/// </summary>
internal sealed class ReportCulture
{
    private readonly NumberFormatInfo _numbers;

    private ReportCulture(CultureInfo culture)
    {
        Culture = culture;
        var numbers = (NumberFormatInfo)culture.NumberFormat.Clone();
        numbers.CurrencySymbol = "€";
        _numbers = numbers;
        Texts = culture.TwoLetterISOLanguageName == "fr" ? ReportTexts.French : ReportTexts.English;
    }

    /// <summary>Invariant English: what the report uses without <c>--culture</c>.</summary>
    public static ReportCulture Default { get; } = new(CultureInfo.InvariantCulture);

    public CultureInfo Culture { get; }

    public ReportTexts Texts { get; }

    /// <summary>The culture named <paramref name="name"/> (e.g. <c>fr-FR</c>); a clear usage error when it is unknown.</summary>
    public static ReportCulture Named(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Default;
        }

        try
        {
            return new ReportCulture(CultureInfo.GetCultureInfo(name.Trim(), predefinedOnly: true));
        }
        catch (CultureNotFoundException)
        {
            throw new Commands.UsageException($"--culture '{name}' is not a known culture name (for example fr-FR or en-GB)");
        }
    }

    // A no-break space, so that "5 268,78 €" never breaks before its sign.
    public string Money(decimal euros) => euros.ToString("C2", _numbers).Replace(' ', '\u00A0');

    public string Number(long value) => value.ToString("N0", _numbers);

    public string Decimal(decimal value) => value.ToString("N2", _numbers);

    public string Percent(decimal percent) => string.Format(_numbers, Texts.PercentFormat, percent);

    /// <summary>A signed change: <c>+40.20 %</c>, <c>-15.75 %</c>.</summary>
    public string Change(decimal percent) => (percent > 0 ? "+" : string.Empty) + Percent(percent);

    public string LongDay(DateOnly day) => day.ToString("d MMMM yyyy", Culture);

    public string ShortDay(DateOnly day) => day.ToString(Texts.ShortDayFormat, Culture);

    public string TableDay(DateOnly day) => Culture.Equals(CultureInfo.InvariantCulture) ? day.ToString("yyyy-MM-dd", Culture) : day.ToString("d", Culture);

    public string Weekday(int isoNumber) => Culture.DateTimeFormat.GetDayName((DayOfWeek)(isoNumber % 7));

    public string Format(string template, params object[] values) => string.Format(Culture, template, values);
}
