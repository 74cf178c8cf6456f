using System.Globalization;
using System.Text;
using Sales.Application.Profiling;
using Sales.Domain.Sheets;
using Sales.Domain.Text;

namespace Sales.Host.Rendering;

/// <summary>Writes a data set profile: the findings in sentences first, then the tables behind them, as console text or Markdown.</summary>
internal static class ProfileRendering
{
    public static string Document(DataSetProfile profile, bool markdown)
    {
        var page = new Page(markdown);
        page.Heading(1, "Data profile");
        page.Heading(2, "What the data says");
        foreach (var finding in profile.Findings)
        {
            page.Item(finding);
        }

        foreach (var sheet in profile.Sheets)
        {
            WriteSheet(page, sheet);
        }

        if (profile.Sales is { } sales)
        {
            WriteSales(page, sales);
        }

        return page.ToString();
    }

    private static void WriteSheet(Page page, SheetProfile sheet)
    {
        page.Heading(2, Invariant($"{sheet.Kind.Name()} sheet: {sheet.Source} ({sheet.Lines} lines)"));
        page.Table(
            ["column", "expected", "inferred type", "count", "missing", "distinct", "min", "max", "examples", "invalid"],
            sheet.Columns.Select(c => Row(c.Header, c.ExpectedType, c.InferredType, Number(c.Count), Number(c.Missing), Number(c.Distinct),
                c.Min ?? string.Empty, c.Max ?? string.Empty, string.Join(", ", c.Examples), Number(c.InvalidCount))).ToList(),
            [false, false, false, true, true, true, false, false, false, true]);

        var invalid = sheet.Columns.SelectMany(c => c.Invalid.Select(v => (Column: c.Header, Value: v))).OrderBy(v => v.Value.LineNumber).ToList();
        if (invalid.Count > 0)
        {
            page.Heading(3, "Invalid values (the first of each column)");
            page.Table(["line", "column", "value", "reason"],
                invalid.Select(v => Row(Number(v.Value.LineNumber), v.Column, v.Value.Value, v.Value.Reason)).ToList(),
                [true, false, false, false]);
        }

        if (sheet.DuplicateLineCount > 0)
        {
            page.Heading(3, Invariant($"Duplicate lines ({sheet.DuplicateLineCount}, the first listed)"));
            page.Table(["line", "repeats line", "values"],
                sheet.DuplicateLines.Select(d => Row(Number(d.LineNumber), Number(d.FirstLineNumber), d.Values)).ToList(),
                [true, true, false]);
        }

        if (sheet.ConflictingKeys.Count > 0)
        {
            page.Heading(3, "Keys listed twice with different values");
            page.Table(["key", "first line", "other line"],
                sheet.ConflictingKeys.Select(k => Row(k.Key, Number(k.FirstLineNumber), Number(k.LineNumber))).ToList(),
                [false, true, true]);
        }
    }

    private static void WriteSales(Page page, SalesCoverage sales)
    {
        page.Heading(2, "Sales across files");
        page.Table(["first day", "last day", "days in period", "days with sales", "days without sales"],
            [Row(Day(sales.FirstDay), Day(sales.LastDay), Number(sales.DaysInRange), Number(sales.DaysCovered),
                sales.MissingDays.Count == 0 ? "none" : string.Join(", ", sales.MissingDays.Select(d => Day(d))))],
            [false, false, true, true, false]);
        if (sales.Orphans.Count > 0)
        {
            page.Heading(3, "Orphans: sales naming a product or store the other sheets do not list");
            page.Table(["column", "value", "sales lines", "first lines"],
                sales.Orphans.Select(o => Row(o.Column, o.Value, Number(o.Lines), string.Join(", ", o.FirstLineNumbers))).ToList(),
                [false, false, true, false]);
        }
    }

    private static string[] Row(params string[] cells) => cells;

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class Page(bool markdown)
    {
        private readonly StringBuilder _builder = new();

        public void Heading(int level, string text)
        {
            if (_builder.Length > 0 && !_builder.ToString().EndsWith(Environment.NewLine + Environment.NewLine, StringComparison.Ordinal))
            {
                _builder.AppendLine();
            }

            text = Inline(text);
            _builder.AppendLine(markdown ? new string('#', level) + " " + text : level == 1 ? text.ToUpperInvariant() : text);
            if (markdown)
            {
                _builder.AppendLine();
            }
            else if (level <= 2)
            {
                _builder.AppendLine(new string('=', text.Length));
            }
        }

        /// <summary>A list item: a sentence that may quote the data.</summary>
        public void Item(string text) => _builder.Append("- ").AppendLine(Inline(text));

        public void Table(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<bool> rightAligned) =>
            _builder.Append(markdown ? TextTables.Markdown(headers, rows, rightAligned) : TextTables.Aligned(headers, rows, rightAligned));

        public override string ToString() => _builder.ToString();

        // Headings and findings quote sources and values from the data: one line each, no markup.
        private string Inline(string text) => markdown ? MarkdownText.Escape(text) : PrintableText.Escape(text);
    }
}
