using System.Diagnostics;
using System.Globalization;

namespace Governance.TestSupport.Browser;

/// <summary>
/// A headless Chromium driven over the DevTools protocol, with a throwaway profile. Open pages with
/// <see cref="OpenPageAsync"/>; dispose kills the browser and deletes the profile.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private static readonly TimeSpan LaunchTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(10);
    private const int StderrLinesKept = 40;

    private readonly Process _process;
    private readonly TempFolder _profile;
    private readonly Queue<string> _stderrTail = new();
    private DevToolsConnection? _connection;
    private int _disposed;

    private HeadlessChromium(Process process, TempFolder profile, int width, int height)
    {
        _process = process;
        _profile = profile;
        Width = width;
        Height = height;
        _process.ErrorDataReceived += (_, e) => KeepStderr(e.Data);
        // A crashed or aborted test run must not leave a browser behind.
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>The viewport size, in CSS pixels, of every page opened.</summary>
    public int Width { get; }

    public int Height { get; }

    /// <summary>
    /// Starts the browser and connects to it (at most ~20 s). Skip first with <see cref="ChromiumAvailability.SkipIfMissing"/>;
    /// without an executable this throws.
    /// </summary>
    public static async Task<HeadlessChromium> LaunchAsync(int width = 1280, int height = 800, CancellationToken cancellationToken = default)
    {
        var executable = ChromiumAvailability.ExecutablePath ?? throw new InvalidOperationException(ChromiumAvailability.MissingMessage);
        var profile = new TempFolder("governance-chromium");
        var start = new ProcessStartInfo
        {
            FileName = executable,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments(profile.Path, width, height))
        {
            start.ArgumentList.Add(argument);
        }

        var browser = new HeadlessChromium(new Process { StartInfo = start }, profile, width, height);
        try
        {
            browser._process.Start();
            browser._process.BeginErrorReadLine();
            browser._process.BeginOutputReadLine(); // Read and dropped: it must not fill the pipe or the test output.
            var endpoint = await browser.WaitForEndpointAsync(cancellationToken).ConfigureAwait(false);
            browser._connection = await DevToolsConnection.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
            return browser;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var stderr = browser.RecentStderr();
            await browser.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"Chromium ({executable}) did not start: {ex.Message} Its stderr ended with:\n{stderr}", ex);
        }
        catch
        {
            await browser.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Opens a new tab with the viewport size of this browser, loads <paramref name="url"/> and waits for its load event.</summary>
    public async Task<BrowserPage> OpenPageAsync(string url, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var connection = _connection!;
        var created = await connection.SendAsync("Target.createTarget", new { url = "about:blank" }, cancellationToken: cancellationToken).ConfigureAwait(false);
        var targetId = created.GetProperty("targetId").GetString()!;
        var attached = await connection.SendAsync("Target.attachToTarget", new { targetId, flatten = true }, cancellationToken: cancellationToken).ConfigureAwait(false);
        var page = new BrowserPage(connection, targetId, attached.GetProperty("sessionId").GetString()!);
        try
        {
            await page.InitializeAsync(Width, Height, cancellationToken).ConfigureAwait(false);
            await page.NavigateAsync(url, cancellationToken).ConfigureAwait(false);
            return page;
        }
        catch
        {
            await page.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }

        Kill();
        using (var exited = new CancellationTokenSource(ExitTimeout))
        {
            try
            {
                await _process.WaitForExitAsync(exited.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException)
            {
                // Never started, or stuck: the profile delete below tolerates files still held open.
            }
        }

        _process.Dispose();
        _profile.Dispose();
    }

    private static IEnumerable<string> Arguments(string profile, int width, int height) =>
    [
        "--headless=new",
        "--no-sandbox", // Tests run as root, where the sandbox refuses to start.
        "--disable-gpu",
        "--remote-debugging-port=0", // The browser picks a free port and writes it to DevToolsActivePort.
        $"--user-data-dir={profile}",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-extensions",
        "--disable-background-networking",
        "--disable-component-update",
        "--force-device-scale-factor=1",
        string.Create(CultureInfo.InvariantCulture, $"--window-size={width},{height}"),
        "about:blank",
    ];

    private async Task<Uri> WaitForEndpointAsync(CancellationToken cancellationToken)
    {
        var file = _profile.Combine("DevToolsActivePort");
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            // Line 1 is the port, line 2 the browser's websocket path; the file can be seen before both are written.
            if (File.Exists(file))
            {
                var lines = (await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false))
                    .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (lines.Length >= 2 && int.TryParse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
                {
                    return new Uri($"ws://127.0.0.1:{port}{lines[1]}");
                }
            }

            if (_process.HasExited)
            {
                // Also waits for the end of stderr, so the error below quotes its last lines.
                await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                throw new InvalidOperationException($"The browser exited with code {_process.ExitCode} before writing DevToolsActivePort.");
            }

            if (deadline.Elapsed > LaunchTimeout)
            {
                throw new TimeoutException($"No DevToolsActivePort in {_profile.Path} within {LaunchTimeout.TotalSeconds:0} s.");
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    private void KeepStderr(string? line)
    {
        // Without a system D-Bus, Chromium logs dozens of harmless dbus errors that would push out the useful lines.
        if (line is null || line.Contains("dbus/", StringComparison.Ordinal))
        {
            return;
        }

        lock (_stderrTail)
        {
            _stderrTail.Enqueue(line);
            if (_stderrTail.Count > StderrLinesKept)
            {
                _stderrTail.Dequeue();
            }
        }
    }

    private string RecentStderr()
    {
        lock (_stderrTail)
        {
            return _stderrTail.Count == 0 ? "(nothing)" : string.Join('\n', _stderrTail);
        }
    }

    private void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Not started or already gone.
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => Kill();
}
