using System.Text;
using Sales.Domain.Text;

namespace Sales.Host.Rendering;

/// <summary>
/// Plain tables: aligned text for the console, Markdown for reports, CSV for spreadsheets. Cells may
/// hold anything a sheet held; each format keeps them from breaking the table or attacking its reader.
/// </summary>
internal static class TextTables
{
    /// <summary>Longest cell of a console table; a longer one is cut (CSV and JSON keep it whole).</summary>
    public const int MaxCellLength = 120;

    /// <summary>
    /// Columns padded to their widest cell; <paramref name="rightAligned"/> columns (numbers) aligned
    /// right. Cells are made printable (<see cref="PrintableText"/>) and cut at <see cref="MaxCellLength"/>.
    /// </summary>
    public static string Aligned(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<bool> rightAligned)
    {
        headers = [.. headers.Select(Printable)];
        rows = [.. rows.Select(row => (IReadOnlyList<string>)[.. row.Select(Printable)])];
        var widths = headers.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var builder = new StringBuilder();
        AppendLine(builder, headers, widths, rightAligned);
        builder.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            AppendLine(builder, row, widths, rightAligned);
        }

        return builder.ToString();
    }

    /// <summary>A GitHub-flavoured Markdown table, numbers aligned right; cells escaped by <see cref="MarkdownText"/>.</summary>
    public static string Markdown(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<bool> rightAligned)
    {
        var builder = new StringBuilder();
        builder.Append("| ").AppendJoin(" | ", headers.Select(EscapeMarkdown)).AppendLine(" |");
        builder.Append('|').AppendJoin("|", rightAligned.Select(right => right ? "---:" : "---")).AppendLine("|");
        foreach (var row in rows)
        {
            builder.Append("| ").AppendJoin(" | ", row.Select(EscapeMarkdown)).AppendLine(" |");
        }

        return builder.ToString();
    }

    /// <summary>
    /// RFC 4180 CSV: comma-separated, fields quoted when they hold a comma, a quote or a line break.
    /// Values are written exactly: text that a spreadsheet would run as a formula must already be
    /// neutralised by the caller, who knows which cells are numbers (<see cref="SpreadsheetText"/>).
    /// </summary>
    public static string Csv(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var builder = new StringBuilder();
        builder.AppendJoin(",", headers.Select(EscapeCsv)).Append("\r\n");
        foreach (var row in rows)
        {
            builder.AppendJoin(",", row.Select(EscapeCsv)).Append("\r\n");
        }

        return builder.ToString();
    }

    private static void AppendLine(StringBuilder builder, IReadOnlyList<string> cells, int[] widths, IReadOnlyList<bool> rightAligned)
    {
        var padded = cells.Select((cell, i) => rightAligned[i] ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]));
        builder.AppendLine(string.Join("  ", padded).TrimEnd());
    }

    private static string Printable(string cell) => PrintableText.Shorten(cell, MaxCellLength);

    private static string EscapeMarkdown(string cell) => MarkdownText.Escape(cell);

    private static string EscapeCsv(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
