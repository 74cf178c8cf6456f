using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Sales.IntegrationTests.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1 (HttpListener) whose answers each test defines per path, and
/// which counts the requests it received. Routes may be replaced while it serves (a sheet that grows).
/// </summary>
internal sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, Action<HttpListenerContext>> _routes = new(StringComparer.Ordinal);
    private readonly Task _loop;
    private int _requests;

    public LocalHttpServer()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Path and status of every answer sent by <see cref="ServeVersioned"/> routes, in order.</summary>
    public ConcurrentQueue<(string Path, int Status)> VersionedAnswers { get; } = new();

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    /// <summary>
    /// Serves <paramref name="body"/> as CSV at <paramref name="path"/> with an ETag derived from its
    /// bytes, answering 304 Not Modified, without a body, to a request whose If-None-Match names it.
    /// </summary>
    public void ServeVersioned(string path, byte[] body)
    {
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..16]}\"";
        _routes[path] = context =>
        {
            context.Response.Headers["ETag"] = etag;
            if (context.Request.Headers["If-None-Match"] == etag)
            {
                VersionedAnswers.Enqueue((path, 304));
                context.Response.StatusCode = 304;
                context.Response.Close();
                return;
            }

            VersionedAnswers.Enqueue((path, 200));
            context.Response.ContentType = "text/csv; charset=utf-8";
            context.Response.ContentLength64 = body.Length;
            context.Response.OutputStream.Write(body);
            context.Response.Close();
        };
    }

    /// <summary>Serves <paramref name="body"/> as CSV at <paramref name="path"/>.</summary>
    public void ServeFile(string path, byte[] body, string contentType = "text/csv; charset=utf-8") =>
        _routes[path] = context =>
        {
            context.Response.ContentType = contentType;
            context.Response.ContentLength64 = body.Length;
            context.Response.OutputStream.Write(body);
            context.Response.Close();
        };

    /// <summary>Answers <paramref name="path"/> with a 307 to <paramref name="target"/>, as published sheets do.</summary>
    public void Redirect(string path, string target) =>
        _routes[path] = context =>
        {
            context.Response.StatusCode = 307;
            context.Response.RedirectLocation = Url(target);
            context.Response.Close();
        };

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _requests);
            if (_routes.TryGetValue(context.Request.Url!.AbsolutePath, out var route))
            {
                route(context);
            }
            else
            {
                context.Response.StatusCode = 404;
                context.Response.Close();
            }
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
