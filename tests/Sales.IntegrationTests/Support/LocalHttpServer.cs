using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Sales.IntegrationTests.Support;

/// <summary>How the test server misbehaves while sending a body.</summary>
public enum BodyFault
{
    None,

    /// <summary>Announces the full Content-Length, sends half the body, then closes cleanly.</summary>
    CutShort,

    /// <summary>Sends half the body, then resets the connection (TCP RST).</summary>
    ResetMidBody,
}

/// <summary>One answer of the test server.</summary>
internal sealed record Reply(int Status, byte[] Body)
{
    public Dictionary<string, string> Headers { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public BodyFault Fault { get; init; }

    /// <summary>Wait before sending the status line; <see cref="Timeout.InfiniteTimeSpan"/> never answers.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Sends all of the body but its last bytes, then waits for the test to release it.</summary>
    public BodyHold? Hold { get; init; }

    /// <summary>When set, the body is these chunks, sent without Content-Length until they end or the client goes away (an endless sheet).</summary>
    public IEnumerable<byte[]>? Chunks { get; init; }

    /// <summary>When set, the Content-Length announced instead of the body's length.</summary>
    public long? AnnouncedLength { get; init; }

    /// <summary>A 200 CSV answer that never ends: <paramref name="header"/>, then <paramref name="line"/> again and again.</summary>
    public static Reply Endless(string header, string line) =>
        new(200, []) { Headers = { ["Content-Type"] = "text/csv" }, Chunks = Repeat(Encoding.UTF8.GetBytes(header), Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(line, 1000)))) };

    private static IEnumerable<byte[]> Repeat(byte[] first, byte[] then)
    {
        yield return first;
        while (true)
        {
            yield return then;
        }
    }

    /// <summary>A 200 answer carrying <paramref name="body"/> as it is.</summary>
    public static Reply File(byte[] body, string contentType = "text/csv; charset=utf-8") =>
        new(200, body) { Headers = { ["Content-Type"] = contentType } };

    public static Reply Csv(string text, string? etag = null, string? lastModified = null)
    {
        var reply = File(Encoding.UTF8.GetBytes(text));
        if (etag is not null)
        {
            reply.Headers["ETag"] = etag;
        }

        if (lastModified is not null)
        {
            reply.Headers["Last-Modified"] = lastModified;
        }

        return reply;
    }

    public static Reply Of(int status) => new(status, Encoding.UTF8.GetBytes($"status {status}"));

    public static Reply Redirect(string location) => new(307, []) { Headers = { ["Location"] = location } };
}

/// <summary>
/// Holds a body's last bytes back until the test releases them, so the test knows for sure that the
/// client is in the middle of a download (it sent its request and is waiting for the rest of the body).
/// </summary>
internal sealed class BodyHold
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the head and all but the last bytes of the body were sent.</summary>
    public Task Reached => _reached.Task;

    public void Release() => _released.TrySetResult();

    internal async Task HoldAsync(CancellationToken stop)
    {
        _reached.TrySetResult();
        await _released.Task.WaitAsync(stop);
    }
}

/// <summary>A request the server received.</summary>
internal sealed record ReceivedRequest(string Path, IReadOnlyDictionary<string, string> Headers, int Ordinal);

/// <summary>
/// A real HTTP/1.1 server on 127.0.0.1 built on a TcpListener, so tests can make it answer and fail
/// the way real servers do: redirects, 304, 5xx, 404, bodies cut short, connections reset, slow answers.
/// Each path has a handler that sees the request and how many times that path was asked; an unknown
/// path is answered 404. Handlers may be replaced while it serves (a sheet that grows).
/// </summary>
internal sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentDictionary<string, Func<ReceivedRequest, Reply>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public LocalHttpServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>Status and path of each answer sent, in order.</summary>
    public ConcurrentQueue<(string Path, int Status)> Answers { get; } = new();

    public string Url(string path) => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}{path}";

    /// <summary>Answers <paramref name="path"/> with <paramref name="handler"/>; counting of its requests starts again.</summary>
    public void Serve(string path, Func<ReceivedRequest, Reply> handler)
    {
        _routes[path] = handler;
        _counts[path] = 0;
    }

    public void Serve(string path, Reply reply) => Serve(path, _ => reply);

    /// <summary>
    /// Serves <paramref name="body"/> as CSV at <paramref name="path"/> with an ETag derived from its
    /// bytes, answering 304 Not Modified, without a body, to a request whose If-None-Match names it.
    /// </summary>
    public void ServeVersioned(string path, byte[] body) => Serve(path, Versioned(body));

    /// <summary>
    /// The handler behind <see cref="ServeVersioned"/>, for a test that decides per request which
    /// version a path serves (e.g. by <see cref="ReceivedRequest.Ordinal"/>: a sheet that grows
    /// after its first download, whatever the timing). <paramref name="hold"/> holds the body back.
    /// </summary>
    public static Func<ReceivedRequest, Reply> Versioned(byte[] body, BodyHold? hold = null)
    {
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..16]}\"";
        var current = Reply.File(body) with { Hold = hold };
        current.Headers["ETag"] = etag;
        var unchanged = new Reply(304, []) { Headers = { ["ETag"] = etag } };
        return request => request.Headers.GetValueOrDefault("If-None-Match") == etag ? unchanged : current;
    }

    public int RequestsTo(string path) => _counts.GetValueOrDefault(path);

    /// <summary>Waits until <paramref name="path"/> has received <paramref name="count"/> requests; fails after <paramref name="patience"/>.</summary>
    public async Task WaitForRequestsAsync(string path, int count, TimeSpan patience)
    {
        using var safety = new CancellationTokenSource(patience);
        while (RequestsTo(path) < count)
        {
            await Task.Delay(10, safety.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeConnectionAsync(client));
        }
    }

    private async Task ServeConnectionAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var (path, headers) = await ReadRequestAsync(stream);
                var ordinal = _counts.AddOrUpdate(path, 1, (_, n) => n + 1);
                var request = new ReceivedRequest(path, headers, ordinal);
                Requests.Enqueue(request);
                var reply = _routes.TryGetValue(path, out var handler) ? handler(request) : Reply.Of(404);
                await Task.Delay(reply.Delay, _stop.Token);
                Answers.Enqueue((path, reply.Status));
                await SendAsync(client, stream, reply, _stop.Token);
            }
            catch (Exception error) when (error is IOException or SocketException or OperationCanceledException)
            {
                // The client went away (e.g. it timed out): nothing more to send.
            }
        }
    }

    private static async Task<(string Path, Dictionary<string, string> Headers)> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (buffer.Count < 4 || !(buffer[^4] == '\r' && buffer[^3] == '\n' && buffer[^2] == '\r' && buffer[^1] == '\n'))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                throw new IOException("connection closed before the request ended");
            }

            buffer.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString(buffer.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var path = lines[0].Split(' ')[1];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        return (path, headers);
    }

    private static async Task SendAsync(TcpClient client, NetworkStream stream, Reply reply, CancellationToken stop)
    {
        var head = new StringBuilder($"HTTP/1.1 {reply.Status} {ReasonOf(reply.Status)}\r\n");
        foreach (var (name, value) in reply.Headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        var sendsBody = reply.Status != 304;
        if (sendsBody && reply.Chunks is null)
        {
            head.Append("Content-Length: ").Append(reply.AnnouncedLength ?? reply.Body.Length).Append("\r\n");
        }

        head.Append("Connection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), stop);
        if (!sendsBody)
        {
            return;
        }

        if (reply.Chunks is not null)
        {
            await SendEndlessAsync(stream, reply.Chunks, stop);
            return;
        }

        if (reply.Hold is { } hold)
        {
            var held = Math.Min(reply.Body.Length, 16);
            await stream.WriteAsync(reply.Body.AsMemory(0, reply.Body.Length - held), stop);
            await stream.FlushAsync(stop);
            await hold.HoldAsync(stop);
            await stream.WriteAsync(reply.Body.AsMemory(reply.Body.Length - held), stop);
            return;
        }

        if (reply.Fault == BodyFault.None)
        {
            await stream.WriteAsync(reply.Body, stop);
            return;
        }

        await stream.WriteAsync(reply.Body.AsMemory(0, reply.Body.Length / 2), stop);
        await stream.FlushAsync(stop);
        if (reply.Fault == BodyFault.ResetMidBody)
        {
            // Linger 0: closing sends RST instead of FIN, as a crashed peer or proxy does.
            client.Client.LingerState = new LingerOption(true, 0);
        }

        client.Client.Close();
    }

    // Until the client hangs up: writing then fails, and the connection's handler ends quietly.
    private static async Task SendEndlessAsync(NetworkStream stream, IEnumerable<byte[]> chunks, CancellationToken stop)
    {
        foreach (var chunk in chunks)
        {
            await stream.WriteAsync(chunk, stop);
        }
    }

    private static string ReasonOf(int status) => status switch
    {
        200 => "OK",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };
}
