using System.Text;

namespace Sales.Host.Report;

/// <summary>
/// Writes the report beside its final name, then moves it over the old one: a reader (a browser, a mail
/// job, the watch's next cycle) sees the previous report or the new one, never half a page.
/// </summary>
internal static class ReportFile
{
    public static async Task WriteAsync(string path, string html, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            await File.WriteAllTextAsync(temporary, html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken).ConfigureAwait(false);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
