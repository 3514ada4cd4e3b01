using System.Diagnostics;
using Governance.Intake.Bench.Reporting;
using Governance.Intake.Bench.Setup;

namespace Governance.Intake.Bench.Processes;

/// <summary>Starts the silo under test as its own process (`dotnet Governance.Silo.dll`) and waits until its gateway is ready.</summary>
public static class SiloLauncher
{
    private const string ReadyMarker = "gRPC gateway (HTTP/2 cleartext) on ";

    /// <summary>
    /// Starts a silo working in <paramref name="folder"/>, on free loopback ports of its own (gRPC gateway, JSON, Orleans'
    /// <paramref name="siloPort"/> and gateway port), with the run's signing key and <paramref name="extraArgs"/>
    /// (its store; in cluster mode, the cluster's settings), in Production; its output goes to <paramref name="logPath"/>.
    /// </summary>
    public static async Task<ChildProcess> StartAsync(
        string name, string siloDll, string folder, string signingKey, int siloPort, IEnumerable<string> extraArgs, string logPath, TimeSpan timeout,
        TextWriter output, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = folder };
        info.ArgumentList.Add(siloDll);
        info.ArgumentList.Add($"--Gateway:Url=http://127.0.0.1:{FreePort.Next()}");
        info.ArgumentList.Add("--Gateway:WebUrl=http://127.0.0.1:0");
        info.ArgumentList.Add($"--Orleans:SiloPort={siloPort}");
        info.ArgumentList.Add($"--Orleans:GatewayPort={FreePort.Next()}");
        // The bench measures the server, not the per-client limit its one token would meet (Gateway:RateLimit).
        info.ArgumentList.Add("--Gateway:RateLimit:CallsPerSecond=0");
        foreach (var arg in extraArgs)
        {
            info.ArgumentList.Add(arg);
        }

        // The key last, and out of the printed command line.
        var shown = string.Join(' ', info.ArgumentList);
        info.ArgumentList.Add($"--Auth:SigningKey={signingKey}");
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        output.WriteLine();
        output.WriteLine($"starting {name}: dotnet {shown}");
        var started = Stopwatch.GetTimestamp();
        var silo = await ChildProcess.StartAsync(name, info, ReadyMarker, logPath, timeout, cancellationToken);
        output.WriteLine(Format.Invariant(
            $"{name} ready on {silo.Address} after {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s (pid {silo.Pid}, RSS {Format.Mib(ProcStats.Memory(silo.Pid).RssKib)})"));
        return silo;
    }
}
