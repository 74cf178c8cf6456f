using System.Globalization;
using System.Text;

namespace Sales.Domain.Text;

/// <summary>
/// Text from the data made safe to show a person: control characters (C0 including ESC, CR, LF,
/// TAB and BEL; DEL; C1), line and paragraph separators, and bidirectional overrides, isolates and
/// marks become visible escapes (<c>\x1b</c>, <c>\r</c>, <c>\n</c>, <c>\u202e</c>). Nothing from a
/// sheet can then move the cursor, clear the screen, fake a line of output or reorder what is shown,
/// and a message stays one line. Machine formats (CSV, JSON, the database) keep values exact.
/// </summary>
public static class PrintableText
{
    /// <summary>Marks where a shortened value was cut.</summary>
    public const string Ellipsis = "…";

    /// <summary><paramref name="text"/> with every unsafe character replaced by its visible escape.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var first = FirstUnsafe(text);
        if (first < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8);
        escaped.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            AppendEscaped(escaped, text[i]);
        }

        return escaped.ToString();
    }

    /// <summary>
    /// <see cref="Escape"/>d, then cut to at most <paramref name="maxLength"/> characters, ending
    /// with <see cref="Ellipsis"/> when cut (for terminal table cells; escapes are never split).
    /// </summary>
    public static string Shorten(string? text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var escaped = Escape(text);
        if (escaped.Length <= maxLength)
        {
            return escaped;
        }

        var cut = maxLength - Ellipsis.Length;
        var escapeStart = escaped.LastIndexOf('\\', cut - 1);
        if (escapeStart >= 0 && escapeStart > cut - 6 && IsEscapeCut(escaped, escapeStart, cut))
        {
            cut = escapeStart;
        }

        if (char.IsHighSurrogate(escaped[cut - 1]))
        {
            cut--;
        }

        return escaped[..cut] + Ellipsis;
    }

    /// <summary>Whether <paramref name="c"/> must not reach a terminal or a one-line message as it is.</summary>
    public static bool IsUnsafe(char c) =>
        c < ' ' || c is >= '\u007f' and <= '\u009f'
            or >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069'
            or '\u200e' or '\u200f' or '\u061c' or '\u2028' or '\u2029';

    private static int FirstUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static void AppendEscaped(StringBuilder escaped, char c)
    {
        if (!IsUnsafe(c))
        {
            escaped.Append(c);
            return;
        }

        escaped.Append(c switch
        {
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            <= '\u00ff' => "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
            _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
        });
    }

    // An escape (\n, \x1b, \u202e) starting at `start` that would be split by cutting at `cut`.
    private static bool IsEscapeCut(string escaped, int start, int cut)
    {
        var length = start + 1 < escaped.Length ? escaped[start + 1] switch
        {
            'x' => 4,
            'u' => 6,
            _ => 2,
        } : 1;
        return start + length > cut;
    }
}
