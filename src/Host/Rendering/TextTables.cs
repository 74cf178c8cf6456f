using System.Text;

namespace Sales.Host.Rendering;

/// <summary>Plain tables: aligned text for the console, Markdown for reports, CSV for spreadsheets.</summary>
internal static class TextTables
{
    /// <summary>Columns padded to their widest cell; <paramref name="rightAligned"/> columns (numbers) aligned right.</summary>
    public static string Aligned(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<bool> rightAligned)
    {
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

    /// <summary>A GitHub-flavoured Markdown table, numbers aligned right.</summary>
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

    /// <summary>RFC 4180 CSV: comma-separated, fields quoted when they hold a comma, a quote or a line break.</summary>
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

    private static string EscapeMarkdown(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string EscapeCsv(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
