namespace Sales.Infrastructure.Sources;

/// <summary>
/// Says what a source is when it is not CSV text, from its first bytes: a compressed file or an
/// archive (by its magic number), binary data (NUL or many control bytes), a git merge conflict
/// (its marker lines), markup (HTML, XML). Without it, such a file gets a misleading CSV error (a missing header, an
/// unbalanced quote, "an HTML page").
/// </summary>
internal static class ContentSniffer
{
    /// <summary>How much of the file is looked at.</summary>
    public const int BlockSize = 4096;

    private static readonly (byte[] Magic, string What)[] Signatures =
    [
        ([0x1F, 0x8B], "gzip-compressed"),
        ([0x50, 0x4B, 0x03, 0x04], "a zip archive (an Excel .xlsx workbook is one)"),
        ([0x42, 0x5A, 0x68], "bzip2-compressed"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz-compressed"),
        ([0x28, 0xB5, 0x2F, 0xFD], "zstd-compressed"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "a 7-Zip archive"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "an Excel .xls workbook (or another Office document)"),
    ];

    /// <summary>Why the file whose first bytes are <paramref name="head"/> is not CSV text; null when it may be.</summary>
    public static string? NotCsvReason(ReadOnlySpan<byte> head)
    {
        foreach (var (magic, what) in Signatures)
        {
            if (head.StartsWith(magic))
            {
                return $"the file is {what}, not CSV: decompress or export it as CSV first";
            }
        }

        return IsBinary(head) ? "the file holds binary data, not CSV text" : null;
    }

    /// <summary>Why a file whose first line is <paramref name="firstLine"/> is markup, not CSV; null when it is not markup.</summary>
    public static string? MarkupReason(string firstLine)
    {
        var start = firstLine.TrimStart();
        if (start.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase))
        {
            return "the file is XML, not CSV";
        }

        // A tag or a doctype: '<' then a letter, '!' or '/'.
        return start.Length > 1 && start[0] == '<' && (char.IsAsciiLetter(start[1]) || start[1] is '!' or '/')
            ? SheetFetcher.NotCsvReason
            : null;
    }

    /// <summary>Whether <paramref name="line"/> is one of git's conflict markers (<c>&lt;&lt;&lt;&lt;&lt;&lt;&lt; HEAD</c>, <c>=======</c>, <c>&gt;&gt;&gt;&gt;&gt;&gt;&gt; branch</c>).</summary>
    public static bool IsMergeConflictMarker(string line) =>
        line.Length >= 7 && line[0] is '<' or '=' or '>' or '|' && IsMarker(line.TrimEnd('\r', '\n', ' '));

    public static string MergeConflictReason(string marker) =>
        $"the file contains unresolved merge-conflict markers ('{(marker.Length > 40 ? marker[..40] + "..." : marker)}'): resolve the conflict, then import again";

    private static bool IsMarker(string line) =>
        line == "=======" ||
        ((line.StartsWith("<<<<<<<", StringComparison.Ordinal) || line.StartsWith(">>>>>>>", StringComparison.Ordinal) || line.StartsWith("|||||||", StringComparison.Ordinal))
         && (line.Length == 7 || line[7] == ' '));

    // UTF-16 and UTF-32 text (with its byte order mark) is full of NULs and is still text.
    private static bool IsBinary(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((byte[])[0xFF, 0xFE]) || head.StartsWith((byte[])[0xFE, 0xFF]) || head.StartsWith((byte[])[0x00, 0x00, 0xFE, 0xFF]))
        {
            return false;
        }

        var controls = 0;
        foreach (var b in head)
        {
            if (b == 0)
            {
                return true;
            }

            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f'))
            {
                controls++;
            }
        }

        // Text has next to no control characters; a tenth of them is data of another kind.
        return controls * 10 > head.Length;
    }
}
