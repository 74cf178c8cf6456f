namespace Sales.Host.Report;

/// <summary>The report's style sheet, inline in the page: readable on a phone, printable, no web font.</summary>
internal static class ReportStyle
{
    public const string Css = """

        body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: #1d2430; background: #fff; margin: 0 auto; max-width: 980px; padding: 1.5rem; line-height: 1.45; }
        h1 { font-size: 1.9rem; margin: 0 0 .2rem; }
        h2 { font-size: 1.3rem; margin: 2rem 0 .6rem; border-bottom: 2px solid #1f77b4; padding-bottom: .2rem; }
        .run { color: #566; margin: 0 0 1rem; }
        .headline dl { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: .8rem; margin: 0; }
        .headline div { background: #f2f6fa; border-radius: 6px; padding: .7rem .9rem; }
        .headline dt { font-size: .85rem; color: #566; }
        .headline dd { margin: .2rem 0 0; font-size: 1.25rem; font-weight: bold; white-space: nowrap; }
        #figure-period dd { font-size: .95rem; white-space: normal; }
        .insights ul { padding-left: 1.2rem; }
        .insights li { margin: .35rem 0; }
        figure { margin: 0 0 .8rem; }
        figure svg { display: block; width: 100%; height: auto; }
        table { border-collapse: collapse; width: 100%; font-size: .9rem; }
        th, td { padding: .3rem .6rem; border-bottom: 1px solid #dde3ea; }
        thead th { text-align: left; background: #f2f6fa; }
        td { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tbody th { text-align: left; font-weight: normal; }
        .empty { color: #566; font-style: italic; }
        footer { margin-top: 2rem; color: #566; font-size: .85rem; }
        @media print { section.chart { break-inside: avoid; } }

        """;
}
