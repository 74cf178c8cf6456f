using System.Globalization;
using System.Text.RegularExpressions;

namespace Sales.Host.Report;

/// <summary>
/// Makes the SVG document ScottPlot writes fit inline in HTML: no XML prolog, ids made unique per chart
/// (every chart names its clip paths <c>cl_1</c>, <c>cl_2</c>..., and a page must not hold an id twice),
/// glyph position lists without the trailing comma browsers refuse, a view box so it scales down on a
/// narrow screen, and a <c>&lt;title&gt;</c> and <c>&lt;desc&gt;</c> carrying the chart's data as text.
/// </summary>
internal static partial class ChartSvg
{
    public static string Inline(string svg, int chartNumber, string title, string description)
    {
        ArgumentNullException.ThrowIfNull(svg);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        var body = start >= 0 ? svg[start..] : svg;
        var prefix = string.Create(CultureInfo.InvariantCulture, $"chart{chartNumber}_");
        body = IdAttribute().Replace(body, m => $"{m.Groups[1].Value}=\"{(m.Groups[1].Value == "id" ? string.Empty : "#")}{prefix}{m.Groups[2].Value}\"");
        body = UrlReference().Replace(body, m => $"url(#{prefix}{m.Groups[1].Value})");
        body = TrailingSeparator().Replace(body, "$1\"");

        var openEnd = body.IndexOf('>', StringComparison.Ordinal);
        var size = SvgSize().Match(body[..openEnd]);
        var viewBox = size.Success ? $" viewBox=\"0 0 {size.Groups[1].Value} {size.Groups[2].Value}\"" : string.Empty;
        var titleId = prefix + "title";
        var descId = prefix + "desc";
        return body[..openEnd]
            + $"{viewBox} role=\"img\" aria-labelledby=\"{titleId} {descId}\" style=\"max-width:100%;height:auto\">"
            + $"<title id=\"{titleId}\">{Html.Escape(title)}</title><desc id=\"{descId}\">{Html.Escape(description)}</desc>"
            + body[(openEnd + 1)..];
    }

    [GeneratedRegex(@"\b(id|xlink:href|href)=""#?([^""]+)""")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex UrlReference();

    [GeneratedRegex(@"(\s[xy]=""[^""]*?),\s*""")]
    private static partial Regex TrailingSeparator();

    [GeneratedRegex(@"width=""([0-9.]+)""\s+height=""([0-9.]+)""")]
    private static partial Regex SvgSize();
}
