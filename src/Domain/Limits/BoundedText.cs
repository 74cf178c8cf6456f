using System.Globalization;

namespace Sales.Domain.Limits;

/// <summary>
/// Bounds every text the program prints or stores (errors, refusal reasons, raw text of refused
/// lines, import messages): one line of a sheet may be megabytes long, and a message quoting it
/// must not be. The one function every writer goes through.
/// </summary>
public static class BoundedText
{
    /// <summary>Longest text kept, in characters, before the cut marker.</summary>
    public const int MaxLength = 1024;

    /// <summary>
    /// <paramref name="text"/> as it is when it has at most <see cref="MaxLength"/> characters, else
    /// its first <see cref="MaxLength"/> followed by <c>… (cut: N more characters)</c>.
    /// </summary>
    public static string Cut(string text) => Cut(text, MaxLength);

    /// <summary>As <see cref="Cut(string)"/>, keeping at most <paramref name="maxLength"/> characters; a text already cut is left as it is.</summary>
    public static string Cut(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= maxLength || IsCut(text, maxLength))
        {
            return text;
        }

        // Never cut a surrogate pair in half: the kept text stays valid UTF-16.
        var kept = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        return Marked(text.AsSpan(0, kept), text.Length);
    }

    /// <summary>
    /// A text of <paramref name="fullLength"/> characters of which only <paramref name="start"/> was
    /// kept (a line too long to be read whole), bounded and marked as <see cref="Cut(string)"/> does.
    /// </summary>
    public static string CutFromStart(string start, long fullLength)
    {
        ArgumentNullException.ThrowIfNull(start);
        var kept = Math.Min(start.Length, MaxLength);
        if (kept > 0 && char.IsHighSurrogate(start[kept - 1]))
        {
            kept--;
        }

        return kept >= fullLength ? start[..kept] : Marked(start.AsSpan(0, kept), fullLength);
    }

    // Cut once already (by a writer before this one): the marker starts at the bound, or one before it.
    private static bool IsCut(string text, int maxLength) =>
        text.Length <= maxLength + 48
        && text.EndsWith(" more characters)", StringComparison.Ordinal)
        && (text.AsSpan(maxLength).StartsWith(Marker) || text.AsSpan(maxLength - 1).StartsWith(Marker));

    private const string Marker = "… (cut: ";

    private static string Marked(ReadOnlySpan<char> kept, long fullLength) =>
        string.Create(CultureInfo.InvariantCulture, $"{kept}… (cut: {fullLength - kept.Length} more characters)");
}
