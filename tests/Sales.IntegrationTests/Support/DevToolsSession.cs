using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sales.IntegrationTests.Support;

/// <summary>
/// A headless Chromium driven over the DevTools protocol (a WebSocket, no package): one page, its
/// commands answered by id, and every event it sends kept in order for the test to read afterwards.
/// </summary>
internal sealed class DevToolsSession : IAsyncDisposable
{
    private readonly Process _browser;
    private readonly TemporaryDirectory _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<JsonObject> _events = new();
    private readonly Dictionary<string, TaskCompletionSource> _waiters = new(StringComparer.Ordinal);
    private int _nextId;
    private string? _sessionId;
    private Task _receiving = Task.CompletedTask;

    private DevToolsSession(Process browser, TemporaryDirectory profile)
    {
        _browser = browser;
        _profile = profile;
    }

    /// <summary>Every event received, in order (method and params).</summary>
    public IReadOnlyCollection<JsonObject> Events => _events;

    public static async Task<DevToolsSession> StartAsync(CancellationToken cancellationToken)
    {
        var profile = new TemporaryDirectory();
        var start = new ProcessStartInfo(Chromium.Path ?? throw new InvalidOperationException("chromium is not installed"))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in Chromium.HeadlessArguments(profile.Path).Append("--remote-debugging-port=0").Append("about:blank"))
        {
            start.ArgumentList.Add(argument);
        }

        var browser = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        var session = new DevToolsSession(browser, profile);
        _ = browser.StandardOutput.ReadToEndAsync(cancellationToken);
        await session.ConnectAsync(await BrowserEndpointAsync(browser, cancellationToken), cancellationToken);
        return session;
    }

    /// <summary>Opens a page and attaches to it; commands from now on go to that page.</summary>
    public async Task OpenPageAsync(CancellationToken cancellationToken)
    {
        var target = await SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, cancellationToken);
        var attached = await SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true }, cancellationToken);
        _sessionId = attached["sessionId"]!.GetValue<string>();
    }

    /// <summary>A task that completes when the page sends <paramref name="method"/>; ask before causing it.</summary>
    public Task WhenEventAsync(string method)
    {
        lock (_waiters)
        {
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters[method] = waiter;
            return waiter.Task;
        }
    }

    public async Task<JsonObject> SendAsync(string method, JsonObject? parameters, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
        if (_sessionId is not null)
        {
            message["sessionId"] = _sessionId;
        }

        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        var reply = await answer.Task.WaitAsync(cancellationToken);
        return reply["error"] is { } error
            ? throw new InvalidOperationException($"{method}: {error.ToJsonString()}")
            : reply["result"]?.AsObject() ?? [];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _receiving;
        }
        catch (OperationCanceledException)
        {
            // The receive loop ends on cancellation.
        }

        _socket.Dispose();
        if (!_browser.HasExited)
        {
            _browser.Kill(entireProcessTree: true);
        }

        await _browser.WaitForExitAsync();
        _browser.Dispose();
        _stop.Dispose();
        _profile.Dispose();
    }

    // Chromium prints "DevTools listening on ws://..." on stderr once it accepts connections.
    private static async Task<Uri> BrowserEndpointAsync(Process browser, CancellationToken cancellationToken)
    {
        const string Marker = "DevTools listening on ";
        while (await browser.StandardError.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith(Marker, StringComparison.Ordinal))
            {
                _ = browser.StandardError.ReadToEndAsync(CancellationToken.None);
                return new Uri(line[Marker.Length..].Trim());
            }
        }

        throw new InvalidOperationException($"chromium exited before listening (exit code {(browser.HasExited ? browser.ExitCode : -1)})");
    }

    private async Task ConnectAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        _socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await _socket.ConnectAsync(endpoint, cancellationToken);
        _receiving = Task.Run(ReceiveAsync, CancellationToken.None);
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        while (_socket.State == WebSocketState.Open)
        {
            var received = await _socket.ReceiveAsync(buffer, _stop.Token);
            message.Write(buffer, 0, received.Count);
            if (!received.EndOfMessage)
            {
                continue;
            }

            Dispatch(JsonNode.Parse(message.ToArray())!.AsObject());
            message.SetLength(0);
        }
    }

    private void Dispatch(JsonObject message)
    {
        if (message["id"] is { } id && _pending.TryRemove(id.GetValue<int>(), out var answer))
        {
            answer.TrySetResult(message);
            return;
        }

        _events.Enqueue(message);
        var method = message["method"]?.GetValue<string>() ?? string.Empty;
        lock (_waiters)
        {
            if (_waiters.Remove(method, out var waiter))
            {
                waiter.TrySetResult();
            }
        }
    }
}
