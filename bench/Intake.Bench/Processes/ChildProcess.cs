using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Governance.Intake.Bench.Processes;

/// <summary>
/// A server the bench started (the silo or the echo server): its own OS process, read through its console,
/// its whole output kept in a log file. Every child is killed when the bench exits, however it exits.
/// </summary>
public sealed partial class ChildProcess : IAsyncDisposable
{
    private const int TailLines = 60;
    private const int KeptProblems = 10;
    private static readonly ConcurrentDictionary<int, Process> Live = new();

    private readonly Process _process;
    private readonly string _readyMarker;
    private readonly StreamWriter _log;
    private readonly Queue<string> _tail = new();
    private readonly List<string> _problems = [];
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _nextIsProblem;
    private int _problemCount;

    private ChildProcess(string name, Process process, string readyMarker, string logPath)
    {
        Name = name;
        _process = process;
        _readyMarker = readyMarker;
        _log = new StreamWriter(logPath) { AutoFlush = true };
        LogPath = logPath;
    }

    public string Name { get; }

    public int Pid => _process.Id;

    /// <summary>The address from the ready line.</summary>
    public string Address { get; private set; } = "";

    public string LogPath { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Warning, error and critical log entries seen so far (console logger "warn:", "fail:", "crit:").</summary>
    public int ProblemCount
    {
        get
        {
            lock (_tail)
            {
                return _problemCount;
            }
        }
    }

    /// <summary>The first few problem entries, each with its message line.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_tail)
            {
                return [.. _problems];
            }
        }
    }

    /// <summary>The last lines of the output, to show when something went wrong.</summary>
    public string Tail
    {
        get
        {
            lock (_tail)
            {
                return string.Join('\n', _tail);
            }
        }
    }

    /// <summary>Starts the process and waits for its ready line (which must carry an http:// address).</summary>
    public static async Task<ChildProcess> StartAsync(
        string name, ProcessStartInfo info, string readyMarker, string logPath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        var process = new Process { StartInfo = info };
        var child = new ChildProcess(name, process, readyMarker, logPath);
        process.OutputDataReceived += (_, e) => child.Observe(e.Data);
        process.ErrorDataReceived += (_, e) => child.Observe(e.Data);
        if (!process.Start())
        {
            throw new BenchFailedException($"{name} did not start ({info.FileName})");
        }

        Live[process.Id] = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeoutSource.CancelAfter(timeout);
            var exited = process.WaitForExitAsync(timeoutSource.Token);
            var first = await Task.WhenAny(child._ready.Task, exited);
            cancellationToken.ThrowIfCancellationRequested();
            if (first != child._ready.Task)
            {
                var why = process.HasExited
                    ? $"exited with code {process.ExitCode}"
                    : $"did not say it was ready within {timeout.TotalSeconds:0} s";
                throw new BenchFailedException($"{name} {why}. Its last output ({logPath}):\n{child.Tail}");
            }

            child.Address = await child._ready.Task;
            return child;
        }
        catch
        {
            await child.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills every child still running: the last resort on Ctrl+C, SIGTERM, a crash or exit.</summary>
    public static void KillAll()
    {
        foreach (var (pid, process) in Live)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            Live.TryRemove(pid, out _);
        }
    }

    /// <summary>SIGTERM, as a service manager would stop it; SIGKILL if it has not exited within <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", Pid.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>SIGKILL, as a crash would end it: the process gets no chance to flush anything.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        Live.TryRemove(Pid, out _);
        _process.Dispose();
        lock (_tail)
        {
            _log.Dispose();
        }
    }

    private void Observe(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_tail)
        {
            try
            {
                // Stamped as it arrives, so the log lines up with the slowest acks the report names (UTC, to a millisecond).
                _log.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{DateTime.UtcNow:HH:mm:ss.fff} {line}"));
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            _tail.Enqueue(line);
            if (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }

            if (_nextIsProblem && _problems.Count > 0)
            {
                _problems[^1] += " " + line.Trim();
            }

            _nextIsProblem = false;
            if (ProblemLine().IsMatch(line))
            {
                _problemCount++;
                if (_problems.Count < KeptProblems)
                {
                    _problems.Add(line.Trim());
                    _nextIsProblem = true;
                }
            }
        }

        var marker = line.IndexOf(_readyMarker, StringComparison.Ordinal);
        if (marker >= 0)
        {
            var address = HttpAddress().Match(line, marker);
            if (address.Success)
            {
                _ready.TrySetResult(address.Value);
            }
        }
    }

    [GeneratedRegex(@"^\s*(warn|fail|crit):")]
    private static partial Regex ProblemLine();

    [GeneratedRegex(@"http://[0-9A-Za-z.\-\[\]:]+")]
    private static partial Regex HttpAddress();
}
