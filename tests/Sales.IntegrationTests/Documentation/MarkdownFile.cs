using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Sales.IntegrationTests.Documentation;

/// <summary>
/// The links and heading anchors of one Markdown file, read the way GitHub renders it: nothing
/// inside a fenced code block or a code span is a link or a heading.
/// </summary>
internal sealed partial class MarkdownFile
{
    private MarkdownFile(IReadOnlyList<MarkdownLink> links, IReadOnlySet<string> anchors)
    {
        Links = links;
        Anchors = anchors;
    }

    public IReadOnlyList<MarkdownLink> Links { get; }

    /// <summary>The anchors GitHub gives the file's headings (<c>#the-dedup-rule-and-why</c>, without the <c>#</c>).</summary>
    public IReadOnlySet<string> Anchors { get; }

    public static MarkdownFile Read(string path) => Parse(File.ReadAllLines(path));

    public static MarkdownFile Parse(IReadOnlyList<string> lines)
    {
        var links = new List<MarkdownLink>();
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var slugCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var inFence = false;
        for (var index = 0; index < lines.Count; index++)
        {
            var line = lines[index];
            if (Fence().IsMatch(line))
            {
                inFence = !inFence;
                continue;
            }

            if (inFence)
            {
                continue;
            }

            var text = CodeSpan().Replace(line, match => match.Groups["code"].Value.Replace('[', ' ').Replace('(', ' '));
            links.AddRange(LinksIn(text, index + 1));
            var heading = Heading().Match(line);
            if (heading.Success)
            {
                anchors.Add(UniqueSlug(Slug(heading.Groups["text"].Value), slugCounts));
            }
        }

        return new MarkdownFile(links, anchors);
    }

    /// <summary>
    /// GitHub's anchor of a heading: its rendered text in lower case, every character that is not a
    /// letter, mark, digit, connector (<c>_</c>), space or hyphen removed, then spaces turned into hyphens.
    /// </summary>
    public static string Slug(string headingText)
    {
        var rendered = InlineLink().Replace(headingText, match => match.Groups["text"].Value);
        var slug = new StringBuilder(rendered.Length);
        foreach (var character in rendered.Trim().ToLowerInvariant())
        {
            var category = char.GetUnicodeCategory(character);
            if (character is ' ' or '-')
            {
                slug.Append(character == ' ' ? '-' : character);
            }
            else if (char.IsLetterOrDigit(character) || category is UnicodeCategory.ConnectorPunctuation
                || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                slug.Append(character);
            }
        }

        return slug.ToString();
    }

    private static IEnumerable<MarkdownLink> LinksIn(string text, int lineNumber)
    {
        foreach (Match match in InlineLink().Matches(text))
        {
            yield return new MarkdownLink(lineNumber, match.Groups["target"].Value.Trim('<', '>'));
        }

        var definition = ReferenceDefinition().Match(text);
        if (definition.Success)
        {
            yield return new MarkdownLink(lineNumber, definition.Groups["target"].Value.Trim('<', '>'));
        }
    }

    // A second heading with the same text gets "-1", a third "-2", as on GitHub.
    private static string UniqueSlug(string slug, Dictionary<string, int> counts)
    {
        counts.TryGetValue(slug, out var seen);
        counts[slug] = seen + 1;
        return seen == 0 ? slug : string.Create(CultureInfo.InvariantCulture, $"{slug}-{seen}");
    }

    [GeneratedRegex(@"^\s{0,3}(```|~~~)")]
    private static partial Regex Fence();

    [GeneratedRegex(@"(?<fence>`+)(?<code>.+?)\k<fence>")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(?<text>.*?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"!?\[(?<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"^\s{0,3}\[[^\]]+\]:\s+(?<target>\S+)")]
    private static partial Regex ReferenceDefinition();
}
