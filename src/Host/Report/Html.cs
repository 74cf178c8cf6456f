using System.Text;

namespace Sales.Host.Report;

/// <summary>
/// Text from the data made safe inside HTML and SVG, in element content and in quoted attributes alike:
/// markup characters become entities, and characters no document may hold (control characters,
/// unpaired surrogates, non-characters) become U+FFFD, so a hostile product name shows as text.
/// </summary>
internal static class Html
{
    public static string Escape(string? text) => Clean(text, entities: true);

    /// <summary>The same clean-up without the entities, for text handed to the chart library (whose SVG writer escapes it).</summary>
    public static string Printable(string? text) => Clean(text, entities: false);

    private static string Clean(string? text, bool entities)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (Forbidden(c))
            {
                builder.Append('\uFFFD');
            }
            else if (entities && Entity(c) is { } entity)
            {
                builder.Append(entity);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string? Entity(char c) => c switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' => "&quot;",
        '\'' => "&#39;",
        _ => null,
    };

    // Tab and line breaks are control characters too: in a name they only break the layout.
    private static bool Forbidden(char c) => char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' or (>= '\uFDD0' and <= '\uFDEF');
}
