using System.Diagnostics;
using System.Text.Json;

namespace Governance.TestSupport.Browser;

/// <summary>
/// One tab of a <see cref="HeadlessChromium"/>: navigate, run script, click and type at viewport CSS pixels,
/// take screenshots, and collect what the page reported as errors. Dispose closes the tab.
/// </summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);
    private const int ShownLength = 200;

    private readonly DevToolsConnection _connection;
    private readonly string _targetId;
    private readonly string _sessionId;
    private readonly List<string> _consoleErrors = [];
    private readonly IDisposable[] _subscriptions;
    private int _disposed;

    internal BrowserPage(DevToolsConnection connection, string targetId, string sessionId)
    {
        _connection = connection;
        _targetId = targetId;
        _sessionId = sessionId;
        _subscriptions =
        [
            connection.Subscribe(sessionId, "Runtime.consoleAPICalled", OnConsoleCall),
            connection.Subscribe(sessionId, "Runtime.exceptionThrown", OnUncaughtException),
            connection.Subscribe(sessionId, "Log.entryAdded", OnLogEntry),
        ];
    }

    /// <summary>
    /// console.error calls, uncaught exceptions and browser-logged errors (such as failed requests), oldest first,
    /// each with its URL when known.
    /// </summary>
    public IReadOnlyList<string> ConsoleErrors
    {
        get
        {
            lock (_consoleErrors)
            {
                return [.. _consoleErrors];
            }
        }
    }

    /// <summary>Loads <paramref name="url"/> and waits for its load event; a failed navigation throws with the browser's reason.</summary>
    public async Task NavigateAsync(string url, CancellationToken cancellationToken = default)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Subscribed before navigating: a small page can fire its load event before Page.navigate's reply arrives.
        using var subscription = _connection.Subscribe(_sessionId, "Page.loadEventFired", _ => loaded.TrySetResult());
        var navigated = await SendAsync("Page.navigate", new { url }, cancellationToken).ConfigureAwait(false);
        if (navigated.TryGetProperty("errorText", out var error) && error.GetString() is { Length: > 0 } reason)
        {
            throw new InvalidOperationException($"Navigating to {Shorten(url)} failed: {reason}.");
        }

        try
        {
            await loaded.Task.WaitAsync(DevToolsConnection.DefaultTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(
                $"{Shorten(url)} fired no load event within {DevToolsConnection.DefaultTimeout.TotalSeconds:0} s.{DescribeConsoleErrors()}");
        }
    }

    /// <summary>
    /// Runs <paramref name="expression"/> in the page (awaiting it when it is a promise) and returns its value as JSON;
    /// undefined comes back as a default <see cref="JsonElement"/>. A script that throws throws here, with the JS error.
    /// </summary>
    public async Task<JsonElement> EvaluateAsync(string expression, CancellationToken cancellationToken = default)
    {
        var evaluated = await SendAsync(
            "Runtime.evaluate", new { expression, awaitPromise = true, returnByValue = true }, cancellationToken).ConfigureAwait(false);
        if (evaluated.TryGetProperty("exceptionDetails", out var details))
        {
            throw new InvalidOperationException($"The script threw: {DescribeException(details)}\nScript: {Shorten(expression)}");
        }

        var result = evaluated.GetProperty("result");
        if (result.TryGetProperty("value", out var value))
        {
            return value;
        }

        // NaN, Infinity and -0 have no JSON form; the protocol sends them as text.
        return result.TryGetProperty("unserializableValue", out var unserializable) ? unserializable : default;
    }

    /// <summary>As <see cref="EvaluateAsync(string, CancellationToken)"/>, deserialized with the web defaults (camelCase, case-insensitive).</summary>
    public async Task<T> EvaluateAsync<T>(string expression, CancellationToken cancellationToken = default)
    {
        var value = await EvaluateAsync(expression, cancellationToken).ConfigureAwait(false);
        return value.ValueKind == JsonValueKind.Undefined
            ? JsonSerializer.Deserialize<T>("null", JsonSerializerOptions.Web)!
            : value.Deserialize<T>(JsonSerializerOptions.Web)!;
    }

    /// <summary>
    /// Evaluates <paramref name="expression"/> about every 100 ms until <paramref name="until"/> accepts its value, and
    /// returns that value. Throws a <see cref="TimeoutException"/> with the last value and the console errors after
    /// <paramref name="timeout"/>; a script that throws fails at once.
    /// </summary>
    public async Task<T> WaitForAsync<T>(string expression, Func<T, bool> until, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(until);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await EvaluateAsync<T>(expression, cancellationToken).ConfigureAwait(false);
            if (until(value))
            {
                return value;
            }

            if (clock.Elapsed >= timeout)
            {
                throw new TimeoutException(
                    $"Waited {timeout.TotalSeconds:0.###} s for `{Shorten(expression)}`; the last value was "
                    + $"{JsonSerializer.Serialize(value, JsonSerializerOptions.Web)}.{DescribeConsoleErrors()}");
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A left click (move, press, release) at viewport CSS pixel (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public async Task ClickAsync(double x, double y, CancellationToken cancellationToken = default)
    {
        await SendAsync("Input.dispatchMouseEvent", new { type = "mouseMoved", x, y }, cancellationToken).ConfigureAwait(false);
        await SendAsync(
            "Input.dispatchMouseEvent", new { type = "mousePressed", x, y, button = "left", buttons = 1, clickCount = 1 }, cancellationToken)
            .ConfigureAwait(false);
        await SendAsync(
            "Input.dispatchMouseEvent", new { type = "mouseReleased", x, y, button = "left", buttons = 0, clickCount = 1 }, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Inserts <paramref name="text"/> into the focused element, as typing (or an IME) would; no key events fire.</summary>
    public Task TypeTextAsync(string text, CancellationToken cancellationToken = default) =>
        SendAsync("Input.insertText", new { text }, cancellationToken);

    /// <summary>A PNG of the viewport, decoded.</summary>
    public async Task<PngImage> ScreenshotAsync(CancellationToken cancellationToken = default)
    {
        var shot = await SendAsync("Page.captureScreenshot", new { format = "png", fromSurface = true }, cancellationToken).ConfigureAwait(false);
        return PngImage.Decode(shot.GetProperty("data").GetBytesFromBase64());
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        try
        {
            await _connection.SendAsync("Target.closeTarget", new { targetId = _targetId }, timeout: CloseTimeout).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            // The browser (or its connection) is already gone, and the tab with it.
        }
    }

    internal async Task InitializeAsync(int width, int height, CancellationToken cancellationToken)
    {
        await SendAsync(
            "Emulation.setDeviceMetricsOverride", new { width, height, deviceScaleFactor = 1, mobile = false }, cancellationToken)
            .ConfigureAwait(false);
        await SendAsync("Page.enable", null, cancellationToken).ConfigureAwait(false);
        await SendAsync("Runtime.enable", null, cancellationToken).ConfigureAwait(false);
        await SendAsync("Log.enable", null, cancellationToken).ConfigureAwait(false);
    }

    private Task<JsonElement> SendAsync(string method, object? parameters, CancellationToken cancellationToken) =>
        _connection.SendAsync(method, parameters, _sessionId, cancellationToken: cancellationToken);

    private void OnConsoleCall(JsonElement call)
    {
        if (call.GetProperty("type").GetString() != "error")
        {
            return;
        }

        var text = string.Join(' ', call.GetProperty("args").EnumerateArray().Select(DescribeValue));
        // Scripts run through Runtime.evaluate have frames with an empty URL: nothing to point at.
        var where = call.TryGetProperty("stackTrace", out var stack)
            && stack.GetProperty("callFrames").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } frame
            && frame.GetProperty("url").GetString() is { Length: > 0 } url
                ? $"{url}:{frame.GetProperty("lineNumber").GetInt32() + 1}"
                : null;
        AddConsoleError($"console.error: {text}", where);
    }

    private void OnUncaughtException(JsonElement thrown)
    {
        var details = thrown.GetProperty("exceptionDetails");
        AddConsoleError(DescribeException(details), details.TryGetProperty("url", out var url) ? url.GetString() : null);
    }

    private void OnLogEntry(JsonElement logged)
    {
        var entry = logged.GetProperty("entry");
        if (entry.GetProperty("level").GetString() == "error")
        {
            AddConsoleError(entry.GetProperty("text").GetString() ?? string.Empty, entry.TryGetProperty("url", out var url) ? url.GetString() : null);
        }
    }

    private void AddConsoleError(string text, string? url)
    {
        var line = string.IsNullOrEmpty(url) ? text : $"{text} (at {Shorten(url)})";
        lock (_consoleErrors)
        {
            _consoleErrors.Add(line);
        }
    }

    private string DescribeConsoleErrors()
    {
        var errors = ConsoleErrors;
        return errors.Count == 0 ? " No console errors." : $" Console errors:\n  {string.Join("\n  ", errors)}";
    }

    /// <summary>exceptionDetails as one line: the browser's summary, then the error's own description (message and stack).</summary>
    private static string DescribeException(JsonElement details)
    {
        var text = details.TryGetProperty("text", out var t) ? t.GetString() : null;
        var thrown = details.TryGetProperty("exception", out var exception) ? DescribeValue(exception) : null;
        return string.Join(' ', new[] { text, thrown }.Where(part => !string.IsNullOrEmpty(part)));
    }

    /// <summary>A RemoteObject as a person reads it: the value of a primitive, the description of anything else.</summary>
    private static string DescribeValue(JsonElement remote) =>
        remote.TryGetProperty("value", out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()
            : remote.TryGetProperty("description", out var description) ? description.GetString()!
            : remote.TryGetProperty("unserializableValue", out var unserializable) ? unserializable.GetString()!
            : remote.GetProperty("type").GetString()!;

    private static string Shorten(string text) => text.Length <= ShownLength ? text : $"{text[..ShownLength]}…";
}
