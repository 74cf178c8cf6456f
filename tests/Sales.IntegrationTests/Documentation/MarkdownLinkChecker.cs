namespace Sales.IntegrationTests.Documentation;

/// <summary>
/// Finds the broken relative links of the repository's Markdown files: a target file or folder that
/// does not exist, or a <c>#anchor</c> that no heading of the target Markdown file has.
/// </summary>
internal static class MarkdownLinkChecker
{
    // Build output, packages and tool folders hold copies or generated files, not the repository's documents.
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { "bin", "obj", "artifacts", "TestResults", "node_modules" };

    /// <summary>Every broken link under <paramref name="root"/>, one line each: <c>file:line: [target]: why</c>.</summary>
    public static IReadOnlyList<string> BrokenLinks(string root)
    {
        var files = new Dictionary<string, MarkdownFile>(StringComparer.Ordinal);
        MarkdownFile Load(string path) => files.TryGetValue(path, out var file) ? file : files[path] = MarkdownFile.Read(path);

        var broken = new List<string>();
        foreach (var path in MarkdownFiles(root))
        {
            foreach (var link in Load(path).Links)
            {
                var problem = Problem(root, path, link.Target, Load);
                if (problem is not null)
                {
                    broken.Add($"{Path.GetRelativePath(root, path)}:{link.Line}: ({link.Target}): {problem}");
                }
            }
        }

        return broken;
    }

    public static IEnumerable<string> MarkdownFiles(string root) =>
        Directory.EnumerateFiles(root, "*.md")
            .Concat(Directory.EnumerateDirectories(root)
                .Where(folder => !IsSkipped(Path.GetFileName(folder)))
                .SelectMany(MarkdownFiles))
            .Order(StringComparer.Ordinal);

    private static bool IsSkipped(string folderName) => folderName.StartsWith('.') || SkippedFolders.Contains(folderName);

    private static string? Problem(string root, string from, string target, Func<string, MarkdownFile> load)
    {
        if (IsExternal(target))
        {
            return null;
        }

        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var pathPart = Uri.UnescapeDataString(hash < 0 ? target : target[..hash]);
        var anchor = hash < 0 ? null : Uri.UnescapeDataString(target[(hash + 1)..]);
        var resolved = pathPart.Length == 0 ? from
            : Path.GetFullPath(pathPart.StartsWith('/') ? Path.Combine(root, pathPart.TrimStart('/')) : Path.Combine(Path.GetDirectoryName(from)!, pathPart));
        if (!File.Exists(resolved) && !Directory.Exists(resolved))
        {
            return $"{Path.GetRelativePath(root, resolved)} does not exist";
        }

        var checkAnchor = anchor is not null && resolved.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && File.Exists(resolved);
        return checkAnchor && !load(resolved).Anchors.Contains(anchor!)
            ? $"no heading of {Path.GetRelativePath(root, resolved)} has the anchor #{anchor}"
            : null;
    }

    // http:, https:, mailto: ... : a scheme of two letters or more (one letter would be a Windows drive).
    private static bool IsExternal(string target)
    {
        var colon = target.IndexOf(':', StringComparison.Ordinal);
        return colon > 1 && target[..colon].All(character => char.IsAsciiLetterOrDigit(character) || character is '+' or '-' or '.');
    }
}
