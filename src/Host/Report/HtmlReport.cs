using System.Text;
using Sales.Application.Analysis;

namespace Sales.Host.Report;

/// <summary>
/// The client's report: one self-contained HTML5 page (no script, no request: styles inline, charts
/// as inline SVG) with the headline figures, what the data says, then one chart and its table per question.
/// Every value from the data goes through <see cref="Html.Escape"/>.
/// </summary>
internal sealed class HtmlReport
{
    private readonly ReportFigures _figures;
    private readonly ReportCulture _culture;
    private readonly ReportTexts _texts;
    private readonly ReportCharts _charts;
    private readonly StringBuilder _html = new();

    private HtmlReport(StoredResults results, ReportCulture culture)
    {
        _figures = ReportFigures.From(results);
        _culture = culture;
        _texts = culture.Texts;
        _charts = new ReportCharts(culture);
    }

    public static string Render(StoredResults results, ReportCulture culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return new HtmlReport(results, culture).Document();
    }

    private string Document()
    {
        _html.Append("<!DOCTYPE html>\n<html lang=\"").Append(_texts.Language).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            // Belt and braces: even a value that slipped through could neither run nor fetch anything.
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Html.Escape(_texts.Title)).Append("</title>\n<style>").Append(ReportStyle.Css).Append("</style>\n</head>\n<body>\n");
        Header();
        Headline();
        Insights();
        ReportSections.Append(this);
        _html.Append("<footer><p>").Append(Html.Escape(_texts.Footer)).Append("</p></footer>\n</body>\n</html>\n");
        return _html.ToString();
    }

    internal ReportFigures Figures => _figures;

    internal ReportCulture Culture => _culture;

    internal ReportCharts Charts => _charts;

    private void Header()
    {
        var run = _figures.Run;
        var covered = run.LastImportId is { } last
            ? _culture.Format(_texts.CoveredImports, _culture.Number(last), _culture.Number(run.ImportsCovered))
            : _texts.NoImport;
        var when = _culture.LongDay(DateOnly.FromDateTime(run.FinishedAt.UtcDateTime)) + " " + run.FinishedAt.UtcDateTime.ToString("HH:mm", _culture.Culture);
        _html.Append("<header>\n<h1>").Append(Html.Escape(_texts.Title)).Append("</h1>\n<p class=\"run\">")
            .Append(Html.Escape(_culture.Format(_texts.RunLine, _culture.Number(run.Id), when, covered))).Append("</p>\n</header>\n");
    }

    private void Headline()
    {
        var total = _figures.Total;
        var period = total is { FirstDay: { } first, LastDay: { } last }
            ? _culture.Format(_texts.PeriodValue, _culture.LongDay(first), _culture.LongDay(last))
            : "–";
        _html.Append("<section class=\"headline\" aria-label=\"").Append(Html.Escape(_texts.Title)).Append("\">\n<dl>\n");
        Figure(_texts.Revenue, _culture.Money(total.Revenue), "revenue");
        Figure(_texts.Units, _culture.Number(total.Units), "units");
        Figure(_texts.SalesLines, _culture.Number(total.SalesLines), "lines");
        Figure(_texts.Period, period, "period");
        Figure(_texts.Stores, _culture.Number(_figures.Stores.Count), "stores");
        Figure(_texts.Products, _culture.Number(_figures.Products.Count), "products");
        _html.Append("</dl>\n</section>\n");
    }

    private void Figure(string label, string value, string id) =>
        _html.Append("<div id=\"figure-").Append(id).Append("\"><dt>").Append(Html.Escape(label)).Append("</dt><dd>").Append(Html.Escape(value)).Append("</dd></div>\n");

    private void Insights()
    {
        _html.Append("<section class=\"insights\">\n<h2>").Append(Html.Escape(_texts.WhatTheDataSays)).Append("</h2>\n<ul>\n");
        foreach (var sentence in ReportInsights.Sentences(_figures, _culture))
        {
            _html.Append("<li>").Append(Html.Escape(sentence)).Append("</li>\n");
        }

        _html.Append("</ul>\n</section>\n");
    }

    /// <summary>One question: its heading, its chart (or a line saying there is no data) and its table.</summary>
    internal void Section(string id, string title, Func<string>? chart, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        _html.Append("<section class=\"chart\" id=\"").Append(id).Append("\">\n<h2>").Append(Html.Escape(title)).Append("</h2>\n");
        if (chart is null)
        {
            _html.Append("<p class=\"empty\">").Append(Html.Escape(_texts.NoData)).Append("</p>\n</section>\n");
            return;
        }

        _html.Append("<figure>").Append(chart()).Append("</figure>\n<table>\n<thead><tr>");
        foreach (var header in headers)
        {
            _html.Append("<th scope=\"col\">").Append(Html.Escape(header)).Append("</th>");
        }

        _html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            _html.Append("<tr><th scope=\"row\">").Append(Html.Escape(row[0])).Append("</th>");
            foreach (var cell in row.Skip(1))
            {
                _html.Append("<td>").Append(Html.Escape(cell)).Append("</td>");
            }

            _html.Append("</tr>\n");
        }

        _html.Append("</tbody>\n</table>\n</section>\n");
    }
}
