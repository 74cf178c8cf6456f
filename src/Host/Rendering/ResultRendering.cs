using System.Globalization;
using System.Text;
using System.Text.Json;
using Sales.Application.Analysis;
using Sales.Domain.Text;

namespace Sales.Host.Rendering;

/// <summary>Writes stored analysis results as aligned text, Markdown, CSV or JSON.</summary>
internal static class ResultRendering
{
    public static string Extension(ReportFormat format) => format switch
    {
        ReportFormat.Table => "txt",
        ReportFormat.Markdown => "md",
        ReportFormat.Csv => "csv",
        ReportFormat.Json => "json",
        ReportFormat.Html => "html",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>Every table of <paramref name="results"/> in one document (what <c>report</c> prints).</summary>
    public static string Document(StoredResults results, ReportFormat format)
    {
        if (format == ReportFormat.Json)
        {
            return Json(writer =>
            {
                writer.WriteStartObject();
                WriteRun(writer, results.Run);
                writer.WriteStartArray("analyses");
                foreach (var table in results.Tables)
                {
                    WriteTable(writer, table);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            });
        }

        var builder = new StringBuilder();
        builder.Append(RunHeading(results.Run, format));
        foreach (var table in results.Tables)
        {
            builder.AppendLine().Append(Single(table, format));
        }

        return builder.ToString();
    }

    /// <summary>One table alone (what <c>report --out</c> writes per analysis); JSON files also carry the run.</summary>
    public static string File(StoredResults results, ResultTable table, ReportFormat format) => format switch
    {
        ReportFormat.Json => Json(writer =>
        {
            writer.WriteStartObject();
            WriteRun(writer, results.Run);
            writer.WritePropertyName("analysis");
            WriteTable(writer, table);
            writer.WriteEndObject();
        }),
        ReportFormat.Csv => Csv(table),
        _ => RunHeading(results.Run, format) + Environment.NewLine + Single(table, format),
    };

    private static string Single(ResultTable table, ReportFormat format)
    {
        if (format == ReportFormat.Csv)
        {
            return $"# {table.Name}{Environment.NewLine}{Csv(table)}";
        }

        var cells = Cells(table);
        var numeric = table.Columns.Select((_, i) => table.Rows.Count > 0 && table.Rows.All(row => row[i] is null or long or decimal)).ToList();
        return format switch
        {
            ReportFormat.Table => $"{table.Title} [{table.Name}]{Environment.NewLine}{TextTables.Aligned(table.Columns, cells, numeric)}",
            ReportFormat.Markdown => $"### {table.Title}{Environment.NewLine}{Environment.NewLine}`{table.Name}`{Environment.NewLine}{Environment.NewLine}{TextTables.Markdown(table.Columns, cells, numeric)}",
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };
    }

    // Text cells (and column names) are neutralised for spreadsheets; numbers are written as numbers.
    private static string Csv(ResultTable table) => TextTables.Csv(
        [.. table.Columns.Select(SpreadsheetText.Neutralize)],
        [.. table.Rows.Select(row => (IReadOnlyList<string>)[.. row.Select(value => value is string text ? SpreadsheetText.Neutralize(text) : Text(value))])]);

    private static List<IReadOnlyList<string>> Cells(ResultTable table) =>
        table.Rows.Select(row => (IReadOnlyList<string>)row.Select(Text).ToList()).ToList();

    private static string RunHeading(AnalysisRunInfo run, ReportFormat format)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"analysis run #{run.Id} of {run.FinishedAt:yyyy-MM-dd HH:mm:ss} UTC, covering {Covered(run)}, {run.SalesLines} sales lines; amounts in euros");
        return format switch
        {
            ReportFormat.Markdown => $"## Sales analyses{Environment.NewLine}{Environment.NewLine}{text}.{Environment.NewLine}",
            ReportFormat.Csv => $"# {text}{Environment.NewLine}",
            _ => text + Environment.NewLine,
        };
    }

    public static string Covered(AnalysisRunInfo run) => run.LastImportId is { } last
        ? string.Create(CultureInfo.InvariantCulture, $"imports up to #{last} ({run.ImportsCovered} succeeded)")
        : "no import";

    // Money and two-decimal figures are decimals with two decimals already; they print as stored.
    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        long number => number.ToString(CultureInfo.InvariantCulture),
        decimal number => number.ToString("0.00", CultureInfo.InvariantCulture),
        double number => number.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static void WriteRun(Utf8JsonWriter writer, AnalysisRunInfo run)
    {
        writer.WriteStartObject("run");
        writer.WriteNumber("id", run.Id);
        writer.WriteString("started_at", run.StartedAt);
        writer.WriteString("finished_at", run.FinishedAt);
        if (run.LastImportId is { } last)
        {
            writer.WriteNumber("last_import_id", last);
        }
        else
        {
            writer.WriteNull("last_import_id");
        }

        writer.WriteNumber("imports_covered", run.ImportsCovered);
        writer.WriteNumber("sales_lines", run.SalesLines);
        writer.WriteEndObject();
    }

    private static void WriteTable(Utf8JsonWriter writer, ResultTable table)
    {
        writer.WriteStartObject();
        writer.WriteString("name", table.Name);
        writer.WriteString("title", table.Title);
        writer.WriteStartArray("rows");
        foreach (var row in table.Rows)
        {
            writer.WriteStartObject();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                writer.WritePropertyName(table.Columns[i]);
                switch (row[i])
                {
                    case null:
                        writer.WriteNullValue();
                        break;
                    case long number:
                        writer.WriteNumberValue(number);
                        break;
                    case decimal number:
                        writer.WriteNumberValue(number);
                        break;
                    case double number:
                        writer.WriteNumberValue(number);
                        break;
                    default:
                        writer.WriteStringValue(Convert.ToString(row[i], CultureInfo.InvariantCulture));
                        break;
                }
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return EscapeInvisible(Encoding.UTF8.GetString(stream.ToArray())) + Environment.NewLine;
    }

    // The writer escapes C0 controls in strings (a raw one is the layout's own line break) but leaves
    // DEL, C1 controls and bidirectional overrides raw; JSON outside strings is ASCII, so each is
    // inside a string and its \uXXXX escape reads back as the same value.
    private static bool IsInvisible(char c) => c >= '\u007f' && PrintableText.IsUnsafe(c);

    private static string EscapeInvisible(string json)
    {
        if (!json.Any(IsInvisible))
        {
            return json;
        }

        var escaped = new StringBuilder(json.Length + 16);
        foreach (var c in json)
        {
            if (IsInvisible(c))
            {
                escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }
}
