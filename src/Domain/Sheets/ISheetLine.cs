namespace Sales.Domain.Sheets;

/// <summary>One data line of a sheet, its values already in the order of the sheet's layout.</summary>
internal interface ISheetLine
{
    /// <summary>1-based line number in the file (the header is line 1).</summary>
    long LineNumber { get; }

    /// <summary>The values of the layout's columns, in layout order.</summary>
    IReadOnlyList<string> Values { get; }

    /// <summary>
    /// The characters of the value of the layout's column <paramref name="index"/>, valid until the
    /// next line is read: a reader that holds the line in a buffer hands them out without making a string.
    /// </summary>
    ReadOnlySpan<char> Value(int index) => Values[index];

    /// <summary>The line as written in the file; read only for lines that are refused.</summary>
    string RawText { get; }

    /// <summary>Why the reader refused the line before its values were read (e.g. it is too long); null for most lines.</summary>
    Parsing.RowError? ReaderRefusal { get; }
}
