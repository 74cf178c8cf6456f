using Microsoft.Extensions.Options;
using Sales.Application.Abstractions;

namespace Sales.Infrastructure.Sources;

/// <summary>
/// Brings a source's bytes to local disk: a local path is read in place, an http(s) URL is
/// streamed to a temporary file (never held whole in memory), following redirects, within
/// <see cref="SalesOptions.HttpTimeout"/>.
/// </summary>
internal sealed class SheetFetcher(IHttpClientFactory httpClients, IOptions<SalesOptions> options)
{
    public const string HttpClientName = "sheets";

    public const string NotCsvReason =
        "the source is an HTML page, not CSV (a Google Sheets link answers a sign-in page when the sheet is not published to the web as CSV)";

    public static bool IsUrl(string location) =>
        location.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    public async Task<FetchedFile> FetchAsync(string location, CancellationToken cancellationToken) =>
        IsUrl(location)
            ? await DownloadAsync(location, cancellationToken).ConfigureAwait(false)
            : await ReadLocalAsync(location, cancellationToken).ConfigureAwait(false);

    private static async Task<FetchedFile> ReadLocalAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new SheetSourceException(path, Directory.Exists(path) ? "is a directory, not a file" : "file not found");
        }

        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                return await FetchedFile.ReadAsync(stream, copyTo: null, path, deleteOnDispose: false, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new SheetSourceException(path, $"cannot be read: {error.Message}", inner: error);
        }
    }

    private async Task<FetchedFile> DownloadAsync(string url, CancellationToken cancellationToken)
    {
        var timeout = options.Value.HttpTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var temporary = Path.Combine(Path.GetTempPath(), $"sales-{Guid.NewGuid():N}.csv");
        try
        {
            var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.GetAsync(new Uri(url), HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new SheetSourceException(url, $"the server answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            if (response.Content.Headers.ContentType?.MediaType is "text/html")
            {
                throw new SheetSourceException(url, NotCsvReason);
            }

            var body = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                var file = await FetchedFile.ReadAsync(body, temporary, temporary, deleteOnDispose: true, deadline.Token).ConfigureAwait(false);
                var expected = response.Content.Headers.ContentLength;
                if (expected is not null && expected != file.Length)
                {
                    file.Dispose();
                    throw new SheetSourceException(url, $"download cut short: received {file.Length} of {expected} bytes");
                }

                return file;
            }
        }
        catch (OperationCanceledException timedOut) when (!cancellationToken.IsCancellationRequested)
        {
            File.Delete(temporary);
            throw new SheetSourceException(url, $"no complete answer within {timeout.TotalSeconds:0} s (timeout)", inner: timedOut);
        }
        catch (HttpRequestException error)
        {
            File.Delete(temporary);
            var status = error.StatusCode is { } code ? $"HTTP {(int)code}: " : string.Empty;
            throw new SheetSourceException(url, $"download failed: {status}{error.Message}", inner: error);
        }
        catch (IOException error)
        {
            File.Delete(temporary);
            throw new SheetSourceException(url, $"download broken: {error.Message}", inner: error);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
