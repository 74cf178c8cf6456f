using ScottPlot;
using ScottPlot.TickGenerators;

namespace Sales.Host.Report;

/// <summary>
/// The report's charts, drawn by ScottPlot as SVG (see docs/decisions/0002-charts-with-scottplot.md).
/// Figures go to the chart as <see cref="double"/>: a pixel position, never a figure anyone reads; the
/// exact amounts are in each chart's table and its <c>&lt;desc&gt;</c>.
/// </summary>
internal sealed class ReportCharts(ReportCulture culture)
{
    private const int Width = 860;
    private const int Height = 380;
    private const int MaxLabelLength = 32;
    private static readonly string FontFamily = "DejaVu Sans";
    private readonly ReportTexts _texts = culture.Texts;
    private int _charts;

    public string RevenueByDay(IReadOnlyList<DayFigures> days)
    {
        using var plot = NewPlot(_texts.ByDayTitle, _texts.ByDayAxis, _texts.RevenueAxis);
        var xs = Enumerable.Range(0, days.Count).Select(i => (double)i).ToArray();
        var daily = plot.Add.Scatter(xs, days.Select(d => (double)d.Revenue).ToArray());
        daily.LegendText = _texts.DailyRevenue;
        var averaged = days.Select((d, i) => (d.SevenDayAverage, X: (double)i)).Where(p => p.SevenDayAverage is not null).ToList();
        if (averaged.Count > 0)
        {
            var average = plot.Add.Scatter(averaged.Select(p => p.X).ToArray(), averaged.Select(p => (double)p.SevenDayAverage!.Value).ToArray());
            average.LegendText = _texts.SevenDayAverage;
            average.LineWidth = 3;
            average.MarkerSize = 0;
        }

        plot.ShowLegend(Edge.Bottom);
        var step = Math.Max(1, (int)Math.Ceiling(days.Count / 8.0));
        var ticks = Enumerable.Range(0, days.Count).Where(i => i % step == 0).ToList();
        plot.Axes.Bottom.SetTicks(ticks.Select(i => (double)i).ToArray(), ticks.Select(i => culture.ShortDay(days[i].Day)).ToArray());
        var description = string.Join("; ", days.Select(d => $"{culture.LongDay(d.Day)}: {culture.Money(d.Revenue)}"
            + (d.SevenDayAverage is { } a ? $" ({_texts.SevenDayAverage} {culture.Money(a)})" : string.Empty)));
        return Render(plot, _texts.ByDayTitle, description);
    }

    public string HorizontalBars(string title, string valueAxis, IReadOnlyList<(string Label, decimal Value, string Text)> bars)
    {
        using var plot = NewPlot(title, valueAxis, string.Empty);
        // Listed top to bottom in the table's order: the first row is drawn highest.
        var positions = Enumerable.Range(0, bars.Count).Select(i => (double)(bars.Count - 1 - i)).ToArray();
        var drawn = plot.Add.Bars(positions, bars.Select(b => (double)b.Value).ToArray());
        drawn.Horizontal = true;
        plot.Axes.Left.SetTicks(positions, bars.Select(b => Label(b.Label)).ToArray());
        plot.Axes.Bottom.TickGenerator = Numbers();
        plot.Axes.Margins(left: 0);
        return Render(plot, title, string.Join("; ", bars.Select(b => $"{b.Label}: {b.Text}")));
    }

    public string VerticalBars(string title, string categoryAxis, string valueAxis, IReadOnlyList<(string Label, decimal Value, string Text)> bars)
    {
        using var plot = NewPlot(title, categoryAxis, valueAxis);
        var positions = Enumerable.Range(0, bars.Count).Select(i => (double)i).ToArray();
        plot.Add.Bars(positions, bars.Select(b => (double)b.Value).ToArray());
        plot.Axes.Bottom.SetTicks(positions, bars.Select(b => Label(b.Label)).ToArray());
        plot.Axes.Margins(bottom: 0);
        return Render(plot, title, string.Join("; ", bars.Select(b => $"{b.Label}: {b.Text}")));
    }

    public string RevenueAgainstEmployees(IReadOnlyList<StoreFigures> stores)
    {
        using var plot = NewPlot(_texts.PerEmployeeTitle, _texts.Employees, _texts.RevenueAxis);
        var scatter = plot.Add.ScatterPoints(stores.Select(s => (double)s.Employees).ToArray(), stores.Select(s => (double)s.Revenue).ToArray());
        scatter.MarkerSize = 10;
        var most = stores.Max(s => s.Employees);
        foreach (var store in stores)
        {
            // The store with the most employees is labelled on its left, so its label stays inside the chart.
            var label = plot.Add.Text(Label(StoreLabel(store)), store.Employees, (double)store.Revenue);
            label.LabelFontSize = 12;
            label.LabelAlignment = store.Employees == most ? Alignment.MiddleRight : Alignment.MiddleLeft;
            label.LabelOffsetX = store.Employees == most ? -8 : 8;
        }

        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { IntegerTicksOnly = true, LabelFormatter = value => value.ToString("N0", culture.Culture) };
        plot.Axes.Margins(0.1, 0.15);
        var description = string.Join("; ", stores.Select(s => $"{StoreLabel(s)}: {culture.Number(s.Employees)} {_texts.Employees.ToLower(culture.Culture)}, {culture.Money(s.Revenue)}"));
        return Render(plot, _texts.PerEmployeeTitle, description);
    }

    public string StoreLabel(StoreFigures store) => culture.Format(_texts.StoreLabel, culture.Number(store.Id), store.City);

    private Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(Label(title, int.MaxValue));
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Axes.Left.TickGenerator = Numbers();
        return plot;
    }

    // Decimals only where a tick needs them (small amounts), never a rounded duplicate label.
    private NumericAutomatic Numbers() => new() { LabelFormatter = value => value.ToString("#,##0.##", culture.Culture) };

    private string Render(Plot plot, string title, string description)
    {
        plot.Font.Set(FontFamily);
        _charts++;
        return ChartSvg.Inline(plot.GetSvgXml(Width, Height), _charts, title, description);
    }

    private static string Label(string text, int max = MaxLabelLength)
    {
        var printable = Html.Printable(text);
        return printable.Length <= max ? printable : printable[..(max - 1)] + "…";
    }
}
