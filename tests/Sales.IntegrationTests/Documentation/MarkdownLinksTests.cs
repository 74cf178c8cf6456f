using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Documentation;

public sealed class MarkdownLinksTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Every_relative_link_of_the_repository_s_markdown_files_resolves()
    {
        var files = MarkdownLinkChecker.MarkdownFiles(Repository.Root).ToList();
        Assert.Contains(files, file => Path.GetRelativePath(Repository.Root, file) == "README.md");

        var broken = MarkdownLinkChecker.BrokenLinks(Repository.Root);

        Assert.True(broken.Count == 0, "broken links:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void A_missing_file_or_anchor_is_named_with_its_file_line_and_link()
    {
        Directory.CreateDirectory(_workspace.File("docs"));
        _workspace.Write("docs/topic.md", "# Topic\n\n## The dedup rule, and why\n");
        _workspace.Write("README.md", string.Join('\n',
            "# Title",
            "[fine](docs/topic.md#the-dedup-rule-and-why) and [self](#title)",
            "[gone](docs/missing.md)",
            "see [wrong anchor](docs/topic.md#the-dedup-rule)",
            "![image](docs/missing.png) [external](https://example.org/x.md)"));

        var broken = MarkdownLinkChecker.BrokenLinks(_workspace.Directory);

        Assert.Equal(
            [
                "README.md:3: (docs/missing.md): docs/missing.md does not exist",
                "README.md:4: (docs/topic.md#the-dedup-rule): no heading of docs/topic.md has the anchor #the-dedup-rule",
                "README.md:5: (docs/missing.png): docs/missing.png does not exist",
            ],
            broken);
    }

    [Fact]
    public void Links_inside_code_are_not_links()
    {
        var file = MarkdownFile.Parse(["```sh", "[a](nowhere.md)", "```", "`[b](nowhere.md)` and [c](here.md)"]);

        Assert.Equal([new MarkdownLink(4, "here.md")], file.Links);
    }

    [Theory]
    [InlineData("The dedup rule, and why", "the-dedup-rule-and-why")]
    [InlineData("What happens when ...", "what-happens-when-")]
    [InlineData("Analyses: `analyze`, `run`, `report`", "analyses-analyze-run-report")]
    [InlineData("Docker: `docker compose run host`", "docker-docker-compose-run-host")]
    [InlineData("0008: MediatR 5.1.0", "0008-mediatr-510")]
    [InlineData("Où sont les données ?", "où-sont-les-données-")]
    [InlineData("snake_case and [a link](x.md)", "snake_case-and-a-link")]
    public void Headings_get_GitHub_s_anchors(string heading, string anchor) =>
        Assert.Equal(anchor, MarkdownFile.Slug(heading));

    [Fact]
    public void A_repeated_heading_gets_a_numbered_anchor()
    {
        var file = MarkdownFile.Parse(["## Usage", "## Usage", "## Usage"]);

        Assert.Equal(new HashSet<string> { "usage", "usage-1", "usage-2" }, file.Anchors);
    }
}
