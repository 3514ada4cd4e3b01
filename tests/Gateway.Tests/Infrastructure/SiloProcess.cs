using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Governance.Contracts.Access;
using Governance.TestSupport;
using Grpc.Net.Client;

namespace Governance.Gateway.Tests.Infrastructure;

/// <summary>
/// The silo as a user runs it: its own OS process (the built Governance.Silo.dll under dotnet), working in a
/// folder of its own, read through its console. Stopped gracefully (SIGTERM) or killed (SIGKILL). The same for a
/// standalone gateway (<see cref="StartGatewayAsync"/>).
/// </summary>
public sealed partial class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SiloProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Observe(e.Data);
        _process.ErrorDataReceived += (_, e) => Observe(e.Data);
    }

    /// <summary>Everything the process wrote so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The gateway address from the ready line.</summary>
    public string Address { get; private set; } = "";

    /// <summary>The JSON (HTTP/1.1) address from the ready line.</summary>
    public string WebAddress { get; private set; } = "";

    /// <summary>The development admin token the silo printed (it runs without Auth:SigningKey).</summary>
    public string AdminToken { get; private set; } = "";

    /// <summary>A channel to the gateway carrying the admin token.</summary>
    public GrpcChannel OpenChannel() => BearerChannel.ForAddress(Address, AdminToken, UnaryDeadlineHandler.Options());

    public static Task<SiloProcess> StartAsync(string workingDirectory, TimeSpan timeout, params string[] extraArgs) =>
        StartWithRetriesAsync(workingDirectory, timeout, gateway: false, extraArgs);

    /// <summary>A standalone gateway (<c>Governance.Silo gateway …</c>): an Orleans client of the silos already running.</summary>
    public static Task<SiloProcess> StartGatewayAsync(string workingDirectory, TimeSpan timeout, params string[] extraArgs) =>
        StartWithRetriesAsync(workingDirectory, timeout, gateway: true, extraArgs);

    private static async Task<SiloProcess> StartWithRetriesAsync(string workingDirectory, TimeSpan timeout, bool gateway, string[] extraArgs)
    {
        // The ports come from FreePort: another process can take one first, so a start that fails on it is tried again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(workingDirectory, timeout, gateway, extraArgs);
            }
            catch (InvalidOperationException ex) when (attempt < 3 && ex.Message.Contains("Address already in use", StringComparison.OrdinalIgnoreCase))
            {
            }
        }
    }

    private static async Task<SiloProcess> StartOnceAsync(string workingDirectory, TimeSpan timeout, bool gateway, string[] extraArgs)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(SiloAssembly());
        if (gateway)
        {
            info.ArgumentList.Add("gateway");
        }

        info.ArgumentList.Add("--Gateway:Url=http://127.0.0.1:0");
        info.ArgumentList.Add("--Gateway:WebUrl=http://127.0.0.1:0");
        if (!gateway)
        {
            info.ArgumentList.Add($"--Orleans:SiloPort={FreePort.Next()}");
            info.ArgumentList.Add($"--Orleans:GatewayPort={FreePort.Next()}");
        }

        foreach (var arg in extraArgs)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var silo = new SiloProcess(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start"));
        silo._process.BeginOutputReadLine();
        silo._process.BeginErrorReadLine();

        var exited = silo._process.WaitForExitAsync();
        var first = await Task.WhenAny(silo._ready.Task, exited, Task.Delay(timeout));
        if (first != silo._ready.Task)
        {
            await silo.DisposeAsync();
            throw new InvalidOperationException($"The silo did not become ready within {timeout}. Its output:\n{silo.Output}");
        }

        silo.Address = await silo._ready.Task;
        return silo;
    }

    /// <summary>SIGTERM, as Ctrl+C or a service manager would stop it, and waits for it to exit.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
    }

    /// <summary>SIGKILL: the process gets no chance to flush anything.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private void Observe(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (DevelopmentTokenLine().Match(line) is { Success: true } token)
        {
            AdminToken = token.Groups["token"].Value;
        }

        var match = ReadyLine().Match(line);
        if (match.Success)
        {
            // Before the ready signal, so whoever waits for it has both addresses.
            WebAddress = WebLine().Match(line) is { Success: true } web ? web.Groups["address"].Value : "";
            _ready.TrySetResult(match.Groups["address"].Value);
        }
    }

    /// <summary>src/Silo/bin/&lt;same configuration as this test&gt;/net10.0/Governance.Silo.dll.</summary>
    internal static string SiloAssembly()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var path = Path.Combine(RepositoryRoot(), "src", "Silo", "bin", configuration, "net10.0", "Governance.Silo.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first.", path);
    }

    /// <summary>The folder holding Governance.Actors.sln, above the test's build.</summary>
    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Governance.Actors.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Governance.Actors.sln not found above the test folder.");
    }

    [GeneratedRegex(@"Development admin token \(valid [0-9.]+ h\): (?<token>\S+)")]
    private static partial Regex DevelopmentTokenLine();

    [GeneratedRegex(@"gRPC gateway \(HTTP/2 cleartext\) on (?<address>http://[0-9.:]+)")]
    private static partial Regex ReadyLine();

    [GeneratedRegex(@"JSON over HTTP/1\.1 on (?<address>http://[0-9.:]+)")]
    private static partial Regex WebLine();
}
