using System.Text;
using System.Text.Json;
using Sales.Application.Analysis;
using Sales.Application.Import;
using Sales.Domain.Text;

namespace Sales.Host.Rendering;

/// <summary>
/// The summaries of <c>import</c> and <c>run</c> as one JSON document (<c>--format json</c>), field
/// names fixed (docs/json-output.md). Written by <see cref="Utf8JsonWriter"/>, whose default encoder
/// escapes every control character, quote and non-ASCII character: whatever a source name or a
/// refused line holds, the document stays valid JSON and plain ASCII.
/// </summary>
internal static class JsonSummary
{
    private const int ShownRejections = 10;

    public static string OfImport(ImportResult result) => Document(json => Import(json, result));

    public static string OfRun(ImportResult import, AnalysisRunSummary analyses, string? reportPath) => Document(json =>
    {
        json.WriteStartObject();
        json.WritePropertyName("import");
        Import(json, import);
        json.WritePropertyName("analysisRun");
        AnalysisRun(json, analyses);
        json.WriteString("reportPath", reportPath);
        json.WriteEndObject();
    });

    private static string Document(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Import(Utf8JsonWriter json, ImportResult result)
    {
        json.WriteStartObject();
        if (result.ImportId is { } id)
        {
            json.WriteNumber("importId", id);
        }
        else
        {
            json.WriteNull("importId");
        }

        json.WriteNumber("newSales", result.NewSales);
        json.WriteStartArray("sheets");
        foreach (var sheet in result.Sheets)
        {
            Sheet(json, sheet);
        }

        json.WriteEndArray();
        Warnings(json, result.Sheets);
        json.WriteEndObject();
    }

    private static void Sheet(Utf8JsonWriter json, SheetImportSummary sheet)
    {
        json.WriteStartObject();
        json.WriteString("sheet", sheet.Kind.ToString().ToLowerInvariant());
        json.WriteString("source", sheet.Source);
        json.WriteBoolean("unchanged", sheet.Unchanged);
        json.WriteNumber("read", sheet.Read);
        json.WriteNumber("new", sheet.New);
        json.WriteNumber("duplicate", sheet.Duplicate);
        json.WriteNumber("rejected", sheet.Rejected);
        json.WriteNumber("updated", sheet.Updated);
        json.WriteNumber("storedNotInSheet", sheet.StoredNotInSheet);
        json.WriteString("contentSha256", sheet.ContentHash);
        json.WriteStartArray("rejectedLines");
        foreach (var line in sheet.RejectedLines.Take(ShownRejections))
        {
            json.WriteStartObject();
            json.WriteNumber("line", line.LineNumber);
            json.WriteString("column", line.Error.Column);
            json.WriteString("reason", line.Error.Reason);
            json.WriteString("text", line.RawText);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    // The same warnings as the text summary, each with a stable code for scripts.
    private static void Warnings(Utf8JsonWriter json, IReadOnlyList<SheetImportSummary> sheets)
    {
        json.WriteStartArray("warnings");
        foreach (var sheet in sheets.Where(s => !s.Unchanged && s.Read == 0))
        {
            Warning(json, sheet, "headerOnly", $"{PrintableText.Escape(sheet.Source)}: header only, nothing to import");
        }

        foreach (var sheet in sheets.Where(s => s.StoredNotInSheet > 0))
        {
            Warning(json, sheet, "storedNotInSheet", ConsoleReport.NotInSheetWarning(sheet));
        }

        json.WriteEndArray();
    }

    private static void Warning(Utf8JsonWriter json, SheetImportSummary sheet, string code, string message)
    {
        json.WriteStartObject();
        json.WriteString("code", code);
        json.WriteString("sheet", sheet.Kind.ToString().ToLowerInvariant());
        json.WriteString("message", message);
        json.WriteEndObject();
    }

    private static void AnalysisRun(Utf8JsonWriter json, AnalysisRunSummary summary)
    {
        var run = summary.Run;
        json.WriteStartObject();
        json.WriteNumber("id", run.Id);
        json.WriteNumber("salesLines", run.SalesLines);
        json.WriteNumber("importsCovered", run.ImportsCovered);
        if (run.LastImportId is { } last)
        {
            json.WriteNumber("lastImportId", last);
        }
        else
        {
            json.WriteNull("lastImportId");
        }

        json.WriteStartArray("analyses");
        foreach (var analysis in summary.Analyses)
        {
            json.WriteStartObject();
            json.WriteString("name", analysis.Name);
            json.WriteString("title", analysis.Title);
            json.WriteNumber("rows", analysis.Rows);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
