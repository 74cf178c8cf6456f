namespace Sales.Host.Report;

/// <summary>
/// "What the data says": short sentences computed from the figures, one per question the client asks.
/// A sentence whose figures are missing (no sale, a run older than the analysis) is left out.
/// </summary>
internal static class ReportInsights
{
    public static IReadOnlyList<string> Sentences(ReportFigures figures, ReportCulture culture)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(culture);
        if (figures.Total.SalesLines == 0)
        {
            return [culture.Texts.NoSales];
        }

        return new[]
        {
            LeadingProduct(figures, culture),
            LeadingCity(figures, culture),
            BestStorePerEmployee(figures, culture),
            Trend(figures, culture),
            BusiestWeekday(figures, culture),
            StockRunsOut(figures, culture),
        }.OfType<string>().ToList();
    }

    private static string? LeadingProduct(ReportFigures figures, ReportCulture culture) =>
        First(figures.Products) is { Revenue: > 0 } top
            ? culture.Format(culture.Texts.LeadingProduct, top.Name, culture.Money(top.Revenue), culture.Percent(top.SharePercent ?? 0m))
            : null;

    private static string? LeadingCity(ReportFigures figures, ReportCulture culture) =>
        First(figures.Cities) is { Revenue: > 0 } top
            ? culture.Format(culture.Texts.LeadingCity, top.Name, culture.Money(top.Revenue), culture.Percent(top.SharePercent ?? 0m))
            : null;

    private static string? BestStorePerEmployee(ReportFigures figures, ReportCulture culture)
    {
        // Ties go to the smaller store id, so the sentence is the same on every run of the same data.
        var best = figures.Stores.Where(s => s.RevenuePerEmployee is > 0).OrderByDescending(s => s.RevenuePerEmployee).ThenBy(s => s.Id).FirstOrDefault();
        return best is null
            ? null
            : culture.Format(culture.Texts.BestStorePerEmployee, culture.Number(best.Id), best.City, culture.Money(best.RevenuePerEmployee!.Value), culture.Number(best.Employees));
    }

    private static string? Trend(ReportFigures figures, ReportCulture culture)
    {
        if (figures.LastSevenDays is not { } last)
        {
            return null;
        }

        var texts = culture.Texts;
        var (from, to, revenue) = (culture.LongDay(last.From), culture.LongDay(last.To), culture.Money(last.Revenue));
        if (last.Previous is not { } previous || last.ChangePercent is not { } change)
        {
            return culture.Format(texts.TrendTooShort, from, to, revenue);
        }

        var template = change > 0 ? texts.TrendUp : change < 0 ? texts.TrendDown : texts.TrendFlat;
        return culture.Format(template, from, to, revenue, culture.Percent(Math.Abs(change)), culture.Money(previous));
    }

    private static string? BusiestWeekday(ReportFigures figures, ReportCulture culture)
    {
        var days = figures.Weekdays.Where(d => d.AveragePerDay is not null).ToList();
        if (days.Count < 2)
        {
            return null;
        }

        // Ties: the earlier day of the week is named, for a stable sentence.
        var busiest = days.OrderByDescending(d => d.AveragePerDay).ThenBy(d => d.Number).First();
        var quietest = days.OrderBy(d => d.AveragePerDay).ThenBy(d => d.Number).First();
        var sentence = culture.Format(culture.Texts.BusiestWeekday,
            culture.Weekday(busiest.Number), culture.Money(busiest.AveragePerDay!.Value), culture.Money(quietest.AveragePerDay!.Value), culture.Weekday(quietest.Number));
        return char.ToUpper(sentence[0], culture.Culture) + sentence[1..];
    }

    private static string? StockRunsOut(ReportFigures figures, ReportCulture culture)
    {
        // stock_coverage is sorted shortest first; products that sold nothing have no finite coverage.
        var first = figures.Coverage.Where(c => c.CoverageDays is not null).Take(3).ToList();
        if (first.Count == 0)
        {
            return null;
        }

        var sentence = culture.Format(culture.Texts.StockRunsOut, first[0].Name, culture.Decimal(first[0].CoverageDays!.Value));
        if (first.Count == 1)
        {
            return sentence;
        }

        var next = string.Join(", ", first.Skip(1).Select(c => culture.Format(culture.Texts.StockItem, c.Name, culture.Decimal(c.CoverageDays!.Value))));
        return sentence + " " + culture.Format(culture.Texts.StockThen, next);
    }

    private static ShareFigures? First(IReadOnlyList<ShareFigures> rows) => rows.Count > 0 ? rows[0] : null;
}
