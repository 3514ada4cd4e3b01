using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;

namespace Governance.TestSupport.Browser;

/// <summary>
/// One Chrome DevTools Protocol websocket: commands matched to replies by id, events handed to subscribers by
/// (session, method). Page sessions share the browser's socket (flat mode), so one receive loop serves them all.
/// </summary>
internal sealed class DevToolsConnection : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly ClientWebSocket _socket;
    private readonly ConcurrentDictionary<long, PendingCall> _pending = new();
    private readonly Dictionary<(string Session, string Method), List<Action<JsonElement>>> _subscribers = [];
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiveLoop;
    private long _lastId;
    private volatile string? _closedReason;

    private DevToolsConnection(ClientWebSocket socket)
    {
        _socket = socket;
        _receiveLoop = Task.Run(ReceiveLoopAsync);
    }

    public static async Task<DevToolsConnection> ConnectAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
            return new DevToolsConnection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Sends <paramref name="method"/> (to a page when <paramref name="sessionId"/> is given) and returns its
    /// <c>result</c>. A protocol error, a closed socket or no reply within the timeout throws, naming the method.
    /// </summary>
    public async Task<JsonElement> SendAsync(
        string method, object? parameters = null, string? sessionId = null, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var id = Interlocked.Increment(ref _lastId);
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = new PendingCall(method, reply);
        try
        {
            if (_closedReason is { } reason)
            {
                throw new InvalidOperationException($"{method}: the DevTools connection is closed ({reason}).");
            }

            var message = Serialize(id, method, parameters, sessionId);
            await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // Not the caller's token: a cancelled websocket send aborts the socket, and every page with it.
                await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                throw new InvalidOperationException($"{method}: could not send to the browser ({ex.Message}).", ex);
            }
            finally
            {
                _sendLock.Release();
            }

            var limit = timeout ?? DefaultTimeout;
            try
            {
                return await reply.Task.WaitAsync(limit, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"{method}: no reply from the browser within {limit.TotalSeconds:0.#} s.");
            }
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    /// <summary>
    /// Calls <paramref name="handler"/> with the <c>params</c> of every <paramref name="method"/> event of the
    /// session (null: the browser itself) until the returned handle is disposed. Handlers run on the receive
    /// loop, so they must be quick and must not wait for a reply.
    /// </summary>
    public IDisposable Subscribe(string? sessionId, string method, Action<JsonElement> handler)
    {
        var key = (sessionId ?? string.Empty, method);
        lock (_subscribers)
        {
            if (!_subscribers.TryGetValue(key, out var handlers))
            {
                _subscribers[key] = handlers = [];
            }

            handlers.Add(handler);
        }

        return new Subscription(() =>
        {
            lock (_subscribers)
            {
                if (_subscribers.TryGetValue(key, out var handlers))
                {
                    handlers.Remove(handler);
                }
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            // The browser is killed right after; a close handshake is a courtesy, not worth a long wait.
            using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", closing.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or InvalidOperationException)
            {
                // Already gone; the abort below settles it.
            }
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Abort();
        await _receiveLoop.ConfigureAwait(false);
        _socket.Dispose();
        _stop.Dispose();
        _sendLock.Dispose();
    }

    private static ReadOnlyMemory<byte> Serialize(long id, string method, object? parameters, string? sessionId)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", id);
            writer.WriteString("method", method);
            if (sessionId is not null)
            {
                writer.WriteString("sessionId", sessionId);
            }

            writer.WritePropertyName("params");
            JsonSerializer.Serialize(writer, parameters ?? new object(), JsonSerializerOptions.Web);
            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    private async Task ReceiveLoopAsync()
    {
        var chunk = new byte[64 * 1024];
        var message = new ArrayBufferWriter<byte>(chunk.Length);
        try
        {
            while (true)
            {
                message.ResetWrittenCount();
                ValueWebSocketReceiveResult received;
                // A screenshot arrives as megabytes of base64 over many frames: gather them into one message.
                do
                {
                    received = await _socket.ReceiveAsync(chunk.AsMemory(), _stop.Token).ConfigureAwait(false);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        Close("the browser closed the socket");
                        return;
                    }

                    message.Write(chunk.AsSpan(0, received.Count));
                }
                while (!received.EndOfMessage);

                Dispatch(message.WrittenMemory);
            }
        }
        catch (Exception ex)
        {
            // Whatever ended the loop (socket gone, unreadable message), no reply can come any more.
            Close(ex.Message);
        }
    }

    private void Dispatch(ReadOnlyMemory<byte> utf8)
    {
        using var document = JsonDocument.Parse(utf8);
        var root = document.RootElement;
        if (root.TryGetProperty("id", out var idElement))
        {
            if (!_pending.TryGetValue(idElement.GetInt64(), out var call))
            {
                return; // The caller gave up (timeout or cancellation).
            }

            if (root.TryGetProperty("error", out var error))
            {
                var text = error.TryGetProperty("message", out var m) ? m.GetString() : error.GetRawText();
                var data = error.TryGetProperty("data", out var d) ? $" ({d})" : string.Empty;
                call.Reply.TrySetException(new InvalidOperationException($"{call.Method} failed: {text}{data}"));
            }
            else
            {
                call.Reply.TrySetResult(root.TryGetProperty("result", out var result) ? result.Clone() : default);
            }

            return;
        }

        if (!root.TryGetProperty("method", out var methodElement))
        {
            return;
        }

        var session = root.TryGetProperty("sessionId", out var s) ? s.GetString() ?? string.Empty : string.Empty;
        Action<JsonElement>[] handlers;
        lock (_subscribers)
        {
            if (!_subscribers.TryGetValue((session, methodElement.GetString()!), out var list) || list.Count == 0)
            {
                return;
            }

            handlers = [.. list];
        }

        var parameters = root.TryGetProperty("params", out var p) ? p.Clone() : default;
        foreach (var handler in handlers)
        {
            handler(parameters);
        }
    }

    private void Close(string reason)
    {
        _closedReason ??= reason;
        foreach (var call in _pending.Values)
        {
            call.Reply.TrySetException(new InvalidOperationException($"{call.Method}: the DevTools connection closed before the reply ({reason})."));
        }
    }

    private sealed record PendingCall(string Method, TaskCompletionSource<JsonElement> Reply);

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private Action? _unsubscribe = unsubscribe;

        public void Dispose() => Interlocked.Exchange(ref _unsubscribe, null)?.Invoke();
    }
}
