namespace Sales.Host.Report;

/// <summary>The report's questions in reading order, each one chart and the table of its figures.</summary>
internal static class ReportSections
{
    public static void Append(HtmlReport report)
    {
        ByDay(report);
        ByProduct(report);
        ByCity(report);
        ByWeekday(report);
        ByWeek(report);
        PerEmployee(report);
        StockCoverage(report);
    }

    private static void ByDay(HtmlReport report)
    {
        var (culture, texts, days) = (report.Culture, report.Culture.Texts, report.Figures.Days);
        report.Section("by-day", texts.ByDayTitle, Chart(report, days, () => report.Charts.RevenueByDay(days)),
            [texts.ByDayAxis, texts.Units, texts.Revenue, texts.SevenDayAverage],
            days.Select(d => Row(culture.TableDay(d.Day), culture.Number(d.Units), culture.Money(d.Revenue), Optional(d.SevenDayAverage, culture.Money))));
    }

    private static void ByProduct(HtmlReport report)
    {
        var (culture, texts, products) = (report.Culture, report.Culture.Texts, report.Figures.Products);
        report.Section("by-product", texts.ByProductTitle,
            Chart(report, products, () => report.Charts.HorizontalBars(texts.ByProductTitle, texts.RevenueAxis, products.Select(p => (p.Name, p.Revenue, culture.Money(p.Revenue))).ToList())),
            [texts.Product, texts.Units, texts.Revenue, texts.Share],
            products.Select(p => Row(p.Name, culture.Number(p.Units), culture.Money(p.Revenue), Optional(p.SharePercent, culture.Percent))));
    }

    private static void ByCity(HtmlReport report)
    {
        var (culture, texts, cities) = (report.Culture, report.Culture.Texts, report.Figures.Cities);
        report.Section("by-city", texts.ByCityTitle,
            Chart(report, cities, () => report.Charts.HorizontalBars(texts.ByCityTitle, texts.RevenueAxis, cities.Select(c => (c.Name, c.Revenue, culture.Money(c.Revenue))).ToList())),
            [texts.City, texts.Units, texts.Revenue, texts.Share],
            cities.Select(c => Row(c.Name, culture.Number(c.Units), culture.Money(c.Revenue), Optional(c.SharePercent, culture.Percent))));
    }

    private static void ByWeekday(HtmlReport report)
    {
        var (culture, texts, weekdays) = (report.Culture, report.Culture.Texts, report.Figures.Weekdays);
        var name = (WeekdayFigures d) => Capitalized(culture.Weekday(d.Number), report.Culture);
        report.Section("by-weekday", texts.ByWeekdayTitle,
            Chart(report, weekdays, () => report.Charts.VerticalBars(texts.ByWeekdayTitle, texts.Weekday, texts.AverageAxis,
                weekdays.Select(d => (name(d), d.AveragePerDay ?? 0m, Optional(d.AveragePerDay, culture.Money))).ToList())),
            [texts.Weekday, texts.Occurrences, texts.Units, texts.Revenue, texts.AveragePerDay],
            weekdays.Select(d => Row(name(d), culture.Number(d.Days), culture.Number(d.Units), culture.Money(d.Revenue), Optional(d.AveragePerDay, culture.Money))));
    }

    private static void ByWeek(HtmlReport report)
    {
        var (culture, texts, weeks) = (report.Culture, report.Culture.Texts, report.Figures.Weeks);
        var name = (WeekFigures w) => culture.Format(texts.WeekOf, culture.LongDay(w.Start));
        report.Section("by-week", texts.ByWeekTitle,
            Chart(report, weeks, () => report.Charts.VerticalBars(texts.ByWeekTitle, texts.Week, texts.RevenueAxis,
                weeks.Select(w => (culture.ShortDay(w.Start), w.Revenue, $"{name(w)} ({w.IsoWeek}): {culture.Money(w.Revenue)}")).ToList())),
            [texts.Week, texts.SalesLines, texts.Units, texts.Revenue, texts.Change],
            weeks.Select(w => Row($"{name(w)} ({w.IsoWeek})", culture.Number(w.SalesLines), culture.Number(w.Units), culture.Money(w.Revenue), Optional(w.ChangePercent, culture.Change))));
    }

    private static void PerEmployee(HtmlReport report)
    {
        var (culture, texts, stores) = (report.Culture, report.Culture.Texts, report.Figures.Stores);
        report.Section("per-employee", texts.PerEmployeeTitle, Chart(report, stores, () => report.Charts.RevenueAgainstEmployees(stores)),
            [texts.Store, texts.Employees, texts.Units, texts.Revenue, texts.RevenuePerEmployee],
            stores.Select(s => Row(report.Charts.StoreLabel(s), culture.Number(s.Employees), culture.Number(s.Units), culture.Money(s.Revenue), Optional(s.RevenuePerEmployee, culture.Money))));
    }

    private static void StockCoverage(HtmlReport report)
    {
        var (culture, texts, products) = (report.Culture, report.Culture.Texts, report.Figures.Coverage);
        var covered = products.Where(p => p.CoverageDays is not null).ToList();
        report.Section("stock-coverage", texts.CoverageTitle,
            Chart(report, products, () => report.Charts.HorizontalBars(texts.CoverageTitle, texts.CoverageAxis, covered.Select(p => (p.Name, p.CoverageDays!.Value, culture.Decimal(p.CoverageDays!.Value))).ToList())),
            [texts.Product, texts.Stock, texts.Units, texts.AverageDailyUnits, texts.CoverageDays],
            products.Select(p => Row(p.Name, culture.Number(p.Stock), culture.Number(p.Units), Optional(p.AverageDailyUnits, culture.Decimal), p.CoverageDays is { } days ? culture.Decimal(days) : texts.NoFiniteCoverage)));
    }

    // No rows or no sale at all (the catalogue and the weekdays are listed with zeros): the section says
    // there is no data instead of drawing empty axes.
    private static Func<string>? Chart<T>(HtmlReport report, IReadOnlyList<T> rows, Func<string> chart) =>
        rows.Count == 0 || report.Figures.Total.SalesLines == 0 ? null : chart;

    private static string[] Row(params string[] cells) => cells;

    private static string Optional(decimal? value, Func<decimal, string> format) => value is { } v ? format(v) : string.Empty;

    private static string Capitalized(string text, ReportCulture culture) => text.Length == 0 ? text : char.ToUpper(text[0], culture.Culture) + text[1..];
}
