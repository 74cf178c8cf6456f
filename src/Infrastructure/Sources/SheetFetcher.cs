using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Sales.Application.Abstractions;
using Sales.Application.Progress;

namespace Sales.Infrastructure.Sources;

/// <summary>
/// Brings a source's bytes to local disk: a local path is read in place, an http(s) URL is
/// streamed to a temporary file (never held whole in memory), following redirects, within
/// <see cref="SalesOptions.HttpTimeout"/> (retries of transient failures included, see
/// <see cref="DependencyInjection"/>). Given the version last imported, it asks the server
/// whether the source changed (<c>If-None-Match</c> / <c>If-Modified-Since</c>) and downloads
/// nothing when it did not. The bytes read are counted into <see cref="WorkProgress"/>.
/// </summary>
internal sealed class SheetFetcher(IHttpClientFactory httpClients, IOptions<SalesOptions> options, WorkProgress progress)
{
    public const string HttpClientName = "sheets";

    public const string NotCsvReason =
        "the source is an HTML page, not CSV (a Google Sheets link answers a sign-in page when the sheet is not published to the web as CSV)";

    public static bool IsUrl(string location) =>
        location.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Brings the source's bytes to local disk, unless it is a URL whose server answers 304 Not
    /// Modified to a request conditional on <paramref name="known"/>'s validators: then null.
    /// Without <paramref name="known"/> the request is unconditional and the answer never null.
    /// </summary>
    public async Task<FetchedFile?> FetchIfChangedAsync(string location, SourceVersion? known, CancellationToken cancellationToken) =>
        IsUrl(location)
            ? await DownloadAsync(location, known, cancellationToken).ConfigureAwait(false)
            : await ReadLocalAsync(location, cancellationToken).ConfigureAwait(false);

    /// <summary>Why a source of more than <paramref name="maxBytes"/> bytes is refused.</summary>
    public static string TooLargeReason(long maxBytes) => string.Create(CultureInfo.InvariantCulture,
        $"the sheet is larger than {maxBytes:N0} bytes, the cap set by Sales:MaxSheetBytes (a Google sheet holds at most 10 million cells, about 100 MB of CSV): reading stopped there");

    private async Task<FetchedFile> ReadLocalAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new SheetSourceException(path, Directory.Exists(path) ? "is a directory, not a file" : "file not found");
        }

        var maxBytes = options.Value.MaxSheetBytes;
        try
        {
            // A regular file's size is known at once; a device or pipe (/dev/zero, a FIFO) is capped while read.
            var size = new FileInfo(path).Length;
            if (size > maxBytes)
            {
                throw new FetchedFile.TooLargeException();
            }

            progress.Expect(size);
            var stream = new ProgressStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true), progress);
            await using (stream.ConfigureAwait(false))
            {
                return await FetchedFile.ReadAsync(stream, path, temporaryCopy: false, maxBytes, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (FetchedFile.TooLargeException tooLarge)
        {
            throw new SheetSourceException(path, TooLargeReason(maxBytes), inner: tooLarge);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new SheetSourceException(path, $"cannot be read: {error.Message}", inner: error);
        }
    }

    private async Task<FetchedFile?> DownloadAsync(string url, SourceVersion? known, CancellationToken cancellationToken)
    {
        var timeout = options.Value.HttpTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var temporary = Path.Combine(Path.GetTempPath(), $"sales-{Guid.NewGuid():N}.csv");
        var handedOver = false;
        try
        {
            var client = httpClients.CreateClient(HttpClientName);
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url));
            AddCredentials(request);
            AddConditions(request, known);
            using var response = await SendAsync(client, request, url, deadline.Token).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotModified && known is not null)
            {
                return null;
            }

            CheckAnswer(response, url);
            var file = await SaveBodyAsync(response, url, temporary, deadline.Token).ConfigureAwait(false);
            handedOver = true;
            return file;
        }
        catch (Exception error) when (Explain(error, url, timeout, cancellationToken) is { } explained)
        {
            throw explained;
        }
        finally
        {
            // Whatever was downloaded is removed unless it is handed over (then the FetchedFile removes it).
            if (!handedOver)
            {
                File.Delete(temporary);
            }
        }
    }

    // An answer that is not the sheet fails before its body is read.
    private void CheckAnswer(HttpResponseMessage response, string url)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new SheetSourceException(url, $"the server answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
        }

        if (response.Content.Headers.ContentType?.MediaType is "text/html")
        {
            throw new SheetSourceException(url, NotCsvReason);
        }

        var maxBytes = options.Value.MaxSheetBytes;
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw new SheetSourceException(url, string.Create(CultureInfo.InvariantCulture,
                $"the server announces {response.Content.Headers.ContentLength:N0} bytes, more than {maxBytes:N0}, the cap set by Sales:MaxSheetBytes: nothing was downloaded"));
        }
    }

    private async Task<FetchedFile> SaveBodyAsync(HttpResponseMessage response, string url, string temporary, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is { } announced)
        {
            progress.Expect(announced);
        }

        var body = new ProgressStream(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), progress);
        await using (body.ConfigureAwait(false))
        {
            var file = await FetchedFile.ReadAsync(body, temporary, temporaryCopy: true, options.Value.MaxSheetBytes, cancellationToken).ConfigureAwait(false);
            var expected = response.Content.Headers.ContentLength;
            if (expected is not null && expected != file.Length)
            {
                throw new SheetSourceException(url, $"download cut short: received {file.Length} of {expected} bytes");
            }

            file.ETag = response.Headers.ETag?.ToString();
            file.LastModified = response.Content.Headers.TryGetValues("Last-Modified", out var modified) ? modified.FirstOrDefault() : null;
            return file;
        }
    }

    // A failed download as the user reads it, naming the URL; null for an error that is not the download's
    // (a stop request, or a SheetSourceException already worded).
    private SheetSourceException? Explain(Exception error, string url, TimeSpan timeout, CancellationToken cancellationToken) => error switch
    {
        FetchedFile.TooLargeException => new SheetSourceException(url, TooLargeReason(options.Value.MaxSheetBytes), inner: error),
        OperationCanceledException when !cancellationToken.IsCancellationRequested =>
            new SheetSourceException(url, $"no complete answer within {timeout.TotalSeconds:0.###} s (timeout)", inner: error),
        HttpRequestException { StatusCode: { } code } => new SheetSourceException(url, $"download failed: HTTP {(int)code}: {error.Message}", inner: error),
        HttpRequestException => new SheetSourceException(url, $"download failed: {error.Message}", inner: error),
        IOException => new SheetSourceException(url, $"download broken: {error.Message}", inner: error),
        _ => null,
    };

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, string url, CancellationToken cancellationToken)
    {
        try
        {
            return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is UriFormatException or NotSupportedException)
        {
            // The URL itself is http(s): only a redirect (to file://, ftp://, ...) leads the client elsewhere.
            throw new SheetSourceException(url, $"the server redirected to an address that is not http(s), which is never followed ({error.Message})", inner: error);
        }
    }

    // Credentials in the URL (http://user:pass@host/x.csv) are sent as HTTP Basic authentication,
    // on every attempt of this request (retries, conditional requests), and taken out of the address.
    // The handler drops the header when it follows a redirect, so another host never receives it.
    private static void AddCredentials(HttpRequestMessage request)
    {
        var uri = request.RequestUri!;
        if (uri.UserInfo.Length == 0)
        {
            return;
        }

        var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
        var user = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
        var password = colon < 0 ? string.Empty : Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", token);
        request.RequestUri = new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri;
    }

    // Validators are sent back exactly as the server gave them.
    private static void AddConditions(HttpRequestMessage request, SourceVersion? known)
    {
        if (known?.ETag is { } etag)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (known?.LastModified is { } lastModified)
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        }
    }
}
