using Sales.Domain.Text;

namespace Sales.Application.Abstractions;

/// <summary>
/// A sheet cannot be imported as a whole: it cannot be fetched, is not CSV, lacks a column, or is
/// malformed. The message names the source and, where known, the line and column. The source and
/// any URL in the reason are redacted (<see cref="SourceRedaction"/>): this message is printed and stored.
/// </summary>
public sealed class SheetSourceException : Exception
{
    /// <summary>Creates the error for <paramref name="source"/>.</summary>
    public SheetSourceException(string source, string reason, long? lineNumber = null, string? column = null, Exception? inner = null)
        : base(Describe(SourceRedaction.Redact(source), SourceRedaction.RedactUrlsIn(reason), lineNumber, column), inner)
    {
        Source = SourceRedaction.Redact(source);
        // Redacted before it is cut: a cut through a URL could leave half a secret unrecognised.
        Reason = Domain.Limits.BoundedText.Cut(SourceRedaction.RedactUrlsIn(reason));
        LineNumber = lineNumber;
        Column = column;
    }

    /// <summary>The file or URL at fault, redacted.</summary>
    public new string Source { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }

    /// <summary>1-based line at fault, when known.</summary>
    public long? LineNumber { get; }

    /// <summary>Column at fault, when known.</summary>
    public string? Column { get; }

    private static string Describe(string source, string reason, long? lineNumber, string? column)
    {
        var where = source;
        if (lineNumber is not null)
        {
            where += $", line {lineNumber}";
        }

        if (column is not null)
        {
            where += $", column '{column}'";
        }

        return $"{where}: {Domain.Limits.BoundedText.Cut(reason)}";
    }
}
