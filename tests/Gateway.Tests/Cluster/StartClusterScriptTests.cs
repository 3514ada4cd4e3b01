using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Governance.Contracts.Access;
using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Governance.TestSupport;

namespace Governance.Gateway.Tests.Cluster;

/// <summary>
/// scripts/start-cluster.sh as the README tells an operator to run it: two silos and a standalone gateway on loopback,
/// a report through the gateway read back through a silo, and SIGTERM stopping every process it started.
/// </summary>
[Collection(PostgresFixture.CollectionName)]
public sealed partial class StartClusterScriptTests(PostgresFixture postgres)
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(90);

    [SkippableFact]
    public async Task TwoSilosAndAGateway_Serve_AndStopTogether()
    {
        PostgresAvailability.SkipIfMissing();
        var connectionString = await postgres.CreateDatabaseAsync($"script_{Guid.NewGuid():N}");
        using var runDir = new TempFolder("start-cluster");
        // Below the kernel's ephemeral ports (32768 and up), so no connection of another test takes one of the 602.
        var portBase = 10_000 + (Random.Shared.Next(2_000) * 10);
        var dll = SiloProcess.SiloAssembly();
        var script = Path.Combine(SiloProcess.RepositoryRoot(), "scripts", "start-cluster.sh");
        using var process = Start(script, "--silos", "2", "--gateways", "1", "--postgres", connectionString, "--dll", dll,
            "--port-base", portBase.ToString(System.Globalization.CultureInfo.InvariantCulture), "--run-dir", runDir.Path);
        var output = new StringBuilder();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => Observe(e.Data);
        process.ErrorDataReceived += (_, e) => Observe(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var first = await Task.WhenAny(ready.Task, process.WaitForExitAsync(), Task.Delay(ReadyTimeout));
            Assert.True(first == ready.Task, $"The script did not say 'cluster ready' within {ReadyTimeout}. Its output:\n{Text()}");

            var text = Text();
            var token = TokenLine().Match(text).Groups["token"].Value;
            var gatewayAddress = AddressLine("gateway-1").Match(text).Groups["address"].Value;
            var siloAddress = AddressLine("silo-2").Match(text).Groups["address"].Value;
            Assert.Equal($"http://127.0.0.1:{portBase + 401}", gatewayAddress);
            Assert.Equal($"http://127.0.0.1:{portBase + 2}", siloAddress);

            using var gateway = BearerChannel.ForAddress(gatewayAddress, token);
            using var silo = BearerChannel.ForAddress(siloAddress, token);
            var cell = (await new GridService.GridServiceClient(gateway).ListCellsAsync(new ListCellsRequest { PageSize = 1 })).Cells[0].CellId;
            var report = Reports.InCell(cell, $"script-{Guid.NewGuid():N}");
            var ack = await new IntakeService.IntakeServiceClient(gateway).ReportAsync(report);
            var read = await new CaseService.CaseServiceClient(silo).GetCaseAsync(new GetCaseRequest { CaseId = ack.CaseId });
            Assert.Equal(report.ExternalId, read.Case.Reporters[0].ExternalId);

            var started = Directory.GetFiles(runDir.Path, "*.pid").Select(f => int.Parse(File.ReadAllText(f).Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(3, started.Count);
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var stopping = new CancellationTokenSource(StopTimeout);
            await process.WaitForExitAsync(stopping.Token);
            Assert.Equal(0, process.ExitCode);
            Assert.All(started, pid => Assert.False(IsRunning(pid), $"Process {pid} of the cluster still runs after the script stopped. Its output:\n{Text()}"));
            Assert.Contains("stopped; logs in", Text(), StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        void Observe(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            if (line.StartsWith("cluster ready", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        }

        string Text()
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    private static Process Start(string script, params string[] args)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // The script makes a signing key of its own for the run when none is given.
        info.Environment.Remove("Auth__SigningKey");
        return Process.Start(info) ?? throw new InvalidOperationException("bash did not start");
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static Regex AddressLine(string name) => new($@"^{Regex.Escape(name)}\s+pid \d+\s+gRPC (?<address>http://[0-9.:]+)", RegexOptions.Multiline);

    [GeneratedRegex(@"admin token \(12 h\): (?<token>\S+)")]
    private static partial Regex TokenLine();
}
