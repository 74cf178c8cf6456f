using System.Globalization;
using Sales.Domain.Sheets;

namespace Sales.Application.Profiling;

/// <summary>Explains a profile in sentences a client can read: what the data holds, then each defect and what the import would do with it.</summary>
internal static class ProfileNarrative
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public static IReadOnlyList<string> Describe(IReadOnlyList<SheetProfile> sheets, SalesCoverage? coverage)
    {
        var findings = new List<string>();
        foreach (var sheet in sheets)
        {
            findings.Add(Overview(sheet));
        }

        if (coverage is not null)
        {
            findings.AddRange(Period(coverage));
        }

        var defects = new List<string>();
        foreach (var sheet in sheets)
        {
            defects.AddRange(Defects(sheet));
        }

        if (coverage is not null)
        {
            defects.AddRange(coverage.Orphans.Select(Orphan));
        }

        findings.AddRange(defects.Count == 0
            ? ["No defect found: an import would take every line of these sheets."]
            : defects);

        if (coverage is not null)
        {
            findings.AddRange(Unused(coverage));
        }

        return findings;
    }

    private static string Overview(SheetProfile sheet)
    {
        var what = sheet.Kind.Name();
        var refused = sheet.Columns.Sum(c => c.InvalidCount);
        var readable = refused == 0 ? "every value is readable" : Plural(refused, "value") + " would be refused";
        return Say($"The {sheet.Kind.Name()} sheet ({sheet.Source}) has {Plural(sheet.Lines, "line")} of {what}; {readable}.");
    }

    private static IEnumerable<string> Period(SalesCoverage coverage)
    {
        if (coverage.FirstDay is not { } first || coverage.LastDay is not { } last)
        {
            yield return "The sales sheet holds no readable day, so the period it covers is unknown.";
            yield break;
        }

        var period = Say($"The sales run from {Day(first)} to {Day(last)}, {Plural(coverage.DaysInRange, "day")}");
        if (coverage.MissingDays.Count == 0)
        {
            yield return period + (coverage.DaysInRange == 1 ? "." : ", and every one of them has at least one sale.");
        }
        else
        {
            var listed = string.Join(", ", coverage.MissingDays.Take(10).Select(Day)) + (coverage.MissingDays.Count > 10 ? ", ..." : string.Empty);
            yield return period + Say($"; {Plural(coverage.MissingDays.Count, "day")} of that period {(coverage.MissingDays.Count == 1 ? "has" : "have")} no sale at all ({listed}): were the stores closed, or are lines missing from the extract?");
        }
    }

    private static IEnumerable<string> Defects(SheetProfile sheet)
    {
        if (sheet.DateOrderNote is not null)
        {
            yield return Say($"In the {sheet.Kind.Name()} sheet, {sheet.DateOrderNote}.");
        }

        foreach (var column in sheet.Columns.Where(c => c.InvalidCount > 0))
        {
            var examples = string.Join("; ", column.Invalid.Take(3).Select(v => Say($"line {v.LineNumber}: {v.Reason}")));
            var more = column.InvalidCount > 3 ? "; ..." : string.Empty;
            yield return Say($"Column '{column.Header}' of the {sheet.Kind.Name()} sheet has {Plural(column.InvalidCount, "value")} the import would refuse, with {(column.InvalidCount == 1 ? "its line" : "their lines")} ({examples}{more}).");
        }

        if (sheet.RefusedLineCount > 0)
        {
            var first = sheet.RefusedLines[0];
            yield return Say($"{Capital(Plural(sheet.RefusedLineCount, "line"))} of the {sheet.Kind.Name()} sheet would be refused whole (line {first.LineNumber}: {first.Reason}).");
        }

        foreach (var column in sheet.Columns.Where(c => c.FarDayLines > 0))
        {
            var examples = string.Join("; ", column.FarDays.Take(3).Select(v => Say($"line {v.LineNumber}: {v.Value}")));
            var more = column.FarDays.Count > 3 ? "; ..." : string.Empty;
            yield return Say($"{Capital(Plural(column.FarDayLines, "line"))} of the {sheet.Kind.Name()} sheet {(column.FarDayLines == 1 ? "is" : "are")} dated far from the bulk of the sheet ({column.Bulk}): {examples}{more}. The import accepts them: check they are not typos.");
        }

        foreach (var conflict in sheet.ConflictingKeys)
        {
            yield return Say($"In the {sheet.Kind.Name()} sheet, '{conflict.Key}' is listed twice with different values (lines {conflict.FirstLineNumber} and {conflict.LineNumber}): the import stops until the client says which one is right.");
        }

        if (sheet.DuplicateLineCount > 0)
        {
            var example = sheet.DuplicateLines[0];
            var lines = Plural(sheet.DuplicateLineCount, "line");
            var sentence = Say($"{char.ToUpperInvariant(lines[0])}{lines[1..]} of the {sheet.Kind.Name()} sheet {(sheet.DuplicateLineCount == 1 ? "repeats" : "repeat")} an earlier line exactly (e.g. line {example.LineNumber} repeats line {example.FirstLineNumber}: {example.Values})");
            yield return sheet.Kind == SheetKind.Sales
                ? sentence + ". The sheet has no sale id, so the import counts each repeat as another sale: confirm with the client that these are real repeated sales."
                : sentence + ". The import keeps such a row once.";
        }
    }

    private static string Orphan(OrphanReference orphan)
    {
        var what = orphan.Column == SheetColumns.ProductReference.Header ? "product" : "store";
        var lines = string.Join(", ", orphan.FirstLineNumbers) + (orphan.Lines > orphan.FirstLineNumbers.Count ? ", ..." : string.Empty);
        return Say($"{Plural(orphan.Lines, "sales line")} {(orphan.Lines == 1 ? "names" : "name")} {what} '{orphan.Value}', which the {what}s sheet does not list (line{(orphan.Lines == 1 ? string.Empty : "s")} {lines}): the import would refuse {(orphan.Lines == 1 ? "it" : "them")}.");
    }

    private static IEnumerable<string> Unused(SalesCoverage coverage)
    {
        if (coverage.ProductsWithoutSales.Count > 0)
        {
            yield return Say($"{Plural(coverage.ProductsWithoutSales.Count, "product")} of the catalogue sold nothing in this period: {string.Join(", ", coverage.ProductsWithoutSales)}.");
        }

        if (coverage.StoresWithoutSales.Count > 0)
        {
            yield return Say($"{Plural(coverage.StoresWithoutSales.Count, "store")} sold nothing in this period: {string.Join(", ", coverage.StoresWithoutSales)}.");
        }
    }

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", English);

    private static string Plural(int count, string noun) => Say($"{count:N0} {noun}{(count == 1 ? string.Empty : "s")}");

    private static string Say(FormattableString text) => text.ToString(English);
}
