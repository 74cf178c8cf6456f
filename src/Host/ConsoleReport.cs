using System.Globalization;
using Sales.Application.Analysis;
using Sales.Application.Import;
using Sales.Domain.Sheets;
using Sales.Domain.Text;
using Sales.Host.Rendering;

namespace Sales.Host;

/// <summary>What the verbs print. Sources, values and reasons from the data pass through <see cref="PrintableText"/>: one line stays one line.</summary>
internal static class ConsoleReport
{
    private const int ShownRejections = 10;

    public static void PrintImport(ImportResult result)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"import #{result.ImportId}"));
        Console.WriteLine($"{"sheet",-9} {"read",9} {"new",9} {"duplicate",9} {"rejected",9} {"updated",9}  source");
        foreach (var sheet in result.Sheets)
        {
            var kind = sheet.Kind.Name();
            Console.WriteLine(sheet.Unchanged
                ? $"{kind,-9} {"unchanged (304 Not Modified): not downloaded",-49}  {PrintableText.Escape(sheet.Source)}"
                : string.Create(CultureInfo.InvariantCulture,
                    $"{kind,-9} {sheet.Read,9} {sheet.New,9} {sheet.Duplicate,9} {sheet.Rejected,9} {sheet.Updated,9}  {PrintableText.Escape(sheet.Source)}"));
        }

        foreach (var sheet in result.Sheets.Where(s => !s.Unchanged && s.Read == 0))
        {
            Console.WriteLine($"{PrintableText.Escape(sheet.Source)}: header only, nothing to import");
        }

        foreach (var sheet in result.Sheets.Where(s => s.StoredNotInSheet > 0))
        {
            Console.WriteLine(NotInSheetWarning(sheet));
        }

        foreach (var sheet in result.Sheets.Where(s => s.RejectedLines.Count > 0))
        {
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rejected lines of {PrintableText.Escape(sheet.Source)} (recorded in table rejected_lines):"));
            foreach (var line in sheet.RejectedLines.Take(ShownRejections))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  line {line.LineNumber}, {PrintableText.Escape(line.Error.ToString())}: {PrintableText.Escape(line.RawText)}"));
            }

            if (sheet.RejectedLines.Count > ShownRejections)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ... and {sheet.RejectedLines.Count - ShownRejections} more"));
            }
        }
    }

    public static void PrintAnalysisRun(AnalysisRunSummary summary)
    {
        var run = summary.Run;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"analysis run #{run.Id}: {summary.Analyses.Count} analyses over {run.SalesLines} sales lines, covering {ResultRendering.Covered(run)}"));
        Console.Write(TextTables.Aligned(
            ["analysis", "rows", "what it shows"],
            summary.Analyses.Select(a => (IReadOnlyList<string>)[a.Name, a.Rows.ToString(CultureInfo.InvariantCulture), a.Title]).ToList(),
            [false, true, false]));
        Console.WriteLine("results stored in tables analysis_<name> (views latest_<name>); print them with 'report'");
    }

    /// <summary>Stored sales the sheet no longer has: the source rewrote its past (see <see cref="SheetImportSummary.StoredNotInSheet"/>).</summary>
    public static string NotInSheetWarning(SheetImportSummary sheet) => string.Create(CultureInfo.InvariantCulture,
        $"warning: {sheet.StoredNotInSheet} stored sales line(s) dated within the days of {PrintableText.Escape(sheet.Source)} are not in it any more (edited or deleted at the source?); they are kept, and an edited line is stored again in its new form (import_log.rows_not_in_sheet)");
}
