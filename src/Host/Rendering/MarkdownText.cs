using System.Buffers;
using System.Text;
using Sales.Domain.Text;

namespace Sales.Host.Rendering;

/// <summary>
/// Text from the data placed in Markdown (a table cell, a line of prose) so that it shows as
/// written: it cannot end the row or the line, start raw HTML or an autolink (<c>&lt;</c>), a link
/// or an image (<c>[</c>, <c>]</c>), an entity (<c>&amp;</c>), code, or a new cell (<c>|</c>).
/// Such characters get a backslash, which CommonMark and GitHub render as the character itself;
/// control characters become visible escapes (<see cref="PrintableText"/>). <c>&gt;</c> is left:
/// without <c>&lt;</c> it opens nothing, and a cell never starts a line.
/// </summary>
internal static class MarkdownText
{
    private static readonly SearchValues<char> Special = SearchValues.Create("\\|<[]`&");

    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny(Special) < 0)
        {
            return PrintableText.Escape(text);
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (Special.Contains(c))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return PrintableText.Escape(escaped.ToString());
    }
}
