namespace Sales.IntegrationTests.Documentation;

/// <summary>A link or image of a Markdown file: the line it is on (from 1) and its target as written.</summary>
internal sealed record MarkdownLink(int Line, string Target);
