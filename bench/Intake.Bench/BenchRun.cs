using System.Diagnostics;
using System.Globalization;
using Governance.Intake.Bench.Cluster;
using Governance.Intake.Bench.Echo;
using Governance.Intake.Bench.Load;
using Governance.Intake.Bench.Processes;
using Governance.Intake.Bench.Reporting;
using Governance.Intake.Bench.Setup;
using Governance.Intake.Bench.Targets;
using Governance.Contracts.Access;

namespace Governance.Intake.Bench;

/// <summary>
/// One run: the real silo (max rate, then paced at half of it), then the echo server, with the same client, the
/// same streams and the same reports; prints each phase and a summary. Writes only into a temporary folder.
/// </summary>
public sealed class BenchRun(BenchOptions options, TextWriter output)
{
        private static readonly TimeSpan IdleWatchLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(15);

    /// <summary>Watched and unwatched phases alternate this many times: the machine is shared, one pair proves little.</summary>
    private const int WatchRounds = 3;

    private readonly string? _repository = RepositoryRoot.Find();
    private readonly PhaseRunner _phases = new(options, output);

    /// <summary>Runs everything; 0 when every phase ran clean, 1 when one failed (the rest still ran where it could).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var temp = Directory.CreateTempSubdirectory("intake-bench-");
        var run = new RunSummary
        {
            Header = $"""
                Intake.Bench {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, run {_phases.RunId}
                machine: {MachineInfo.Describe(_repository)}
                options: {options.Describe()}
                """,
        };
        output.WriteLine(run.Header);
        output.WriteLine($"temporary folder: {temp.FullName}");
        try
        {
            PointPool? pool = null;
            if (options.Target is TargetSelection.Cluster)
            {
                await new ClusterBench(options, output, _phases, _repository).RunAsync(run, temp.FullName, cancellationToken);
            }

            if (options.Target is TargetSelection.Both or TargetSelection.Intake)
            {
                pool = await RunIntakeAsync(run, temp.FullName, cancellationToken);
            }

            if (options.Target is TargetSelection.Both or TargetSelection.Echo)
            {
                pool ??= PointPool.Synthetic(options.Mode == LoadMode.Storm ? options.Incidents : 0, new Random(options.Seed));
                await RunEchoAsync(run, pool, temp.FullName, cancellationToken);
            }

            ConsoleReport.WriteSummary(output, run);
            ClusterConsoleReport.WriteSummary(output, run);
            if (options.Markdown)
            {
                MarkdownReport.Write(output, run);
                ClusterMarkdownReport.Write(output, run);
            }

            return run.Failures.Count == 0 ? 0 : 1;
        }
        finally
        {
            if (options.KeepTemp)
            {
                output.WriteLine($"kept {temp.FullName}");
            }
            else
            {
                TryDelete(temp);
            }
        }
    }

    /// <summary>The silo's phases; returns the points it gave, so the echo run sends the very same reports.</summary>
    private async Task<PointPool?> RunIntakeAsync(RunSummary run, string temp, CancellationToken cancellationToken)
    {
        var siloDll = await SiloBuild.PrepareAsync(options, _repository, temp, run, output, cancellationToken);
        if (siloDll is null)
        {
            return null;
        }

        var folder = Directory.CreateDirectory(Path.Combine(temp, "silo")).FullName;
        var access = await SiloToken.IssueAsync(siloDll, cancellationToken);
        var silo = await SiloLauncher.StartAsync(
            "silo", siloDll, folder, access.SigningKey, FreePort.Next(), [$"--Storage:SqlitePath={Path.Combine(folder, "governance.db")}"],
            Path.Combine(temp, "silo.log"), TimeSpan.FromSeconds(options.StartupTimeoutSeconds), output, cancellationToken);
        await using (silo)
        {
            PointPool pool;
            using (var channel = BearerChannel.ForAddress(silo.Address, access.Token))
            using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                deadline.CancelAfter(TimeSpan.FromMinutes(3));
                pool = await PointPool.FetchAsync(channel, options.Mode == LoadMode.Storm ? options.Incidents : 0, new Random(options.Seed), deadline.Token);
            }

            output.WriteLine($"points: {pool.Origin}");
            var target = Target.Intake(silo, access.Token);
            var max = await _phases.RunAsync(run, target, "max", pool, null, cancellationToken);
            if (max is not null)
            {
                max.BusyAfterSeconds = await LoadPhase.WaitForIdleAsync(silo.Pid, IdleWatchLimit, cancellationToken);
                ConsoleReport.WritePhase(output, max, silo);
                if (options.Paced)
                {
                    var rate = options.PacedRate ?? Math.Round(max.Rate / 2);
                    if (rate >= 1)
                    {
                        var paced = await _phases.RunAsync(run, target, "paced", pool, rate, cancellationToken);
                        if (paced is not null)
                        {
                            paced.BusyAfterSeconds = await LoadPhase.WaitForIdleAsync(silo.Pid, IdleWatchLimit, cancellationToken);
                            ConsoleReport.WritePhase(output, paced, silo);
                        }
                    }
                }
            }

            if (max is not null && options.Watchers > 0)
            {
                await RunWatchedAsync(run, target, silo, access.Token, pool, max, cancellationToken);
            }

            await StopAsync(silo);
            return pool;
        }
    }

    /// <summary>
    /// Max rate with live watchers open, then without them, <see cref="WatchRounds"/> times over: what watching costs
    /// intake, the two kinds of phase sending the same kind of reports (by now the points' cases are open, so most
    /// reports merge; the first max phase, which opened them, is no baseline), compared by their medians.
    /// </summary>
    private async Task RunWatchedAsync(
        RunSummary run, Target target, ChildProcess silo, string token, PointPool pool, PhaseResult unwatched, CancellationToken cancellationToken)
    {
        for (var round = 1; round <= WatchRounds; round++)
        {
            output.WriteLine();
            output.WriteLine(Format.Invariant($"round {round}: opening {options.Watchers:N0} live watchers (GridService.WatchCells, one street each) …"));
            var opening = Stopwatch.GetTimestamp();
            await using (var watchers = await AreaWatchers.OpenAsync(silo.Address, token, options.Watchers, cancellationToken))
            {
                output.WriteLine(Format.Invariant($"{watchers.Open:N0} watchers open after {Stopwatch.GetElapsedTime(opening).TotalSeconds:0.0} s (silo RSS {Format.Mib(ProcStats.Memory(silo.Pid).RssKib)})"));
                await RunWatchedPhaseAsync(run, target, silo, pool, watchers, $"watched {round}", null, unwatched, cancellationToken);
            }

            var without = await _phases.RunAsync(run, target, $"unwatched {round}", pool, null, cancellationToken);
            if (without is not null)
            {
                without.BusyAfterSeconds = await LoadPhase.WaitForIdleAsync(silo.Pid, IdleWatchLimit, cancellationToken);
                ConsoleReport.WritePhase(output, without, silo);
            }
        }
    }

    private async Task RunWatchedPhaseAsync(
        RunSummary run, Target target, ChildProcess silo, PointPool pool, AreaWatchers watchers, string phase, double? rate, PhaseResult unwatched, CancellationToken cancellationToken)
    {
        var measuring = Task.Delay(TimeSpan.FromSeconds(options.WarmupSeconds), cancellationToken).ContinueWith(_ => watchers.StartMeasuring(), TaskScheduler.Default);
        var watched = await _phases.RunAsync(run, target, phase, pool, rate, cancellationToken);
        await measuring;
        if (watched is null)
        {
            return;
        }

        watched.BusyAfterSeconds = await LoadPhase.WaitForIdleAsync(silo.Pid, IdleWatchLimit, cancellationToken);
        ConsoleReport.WritePhase(output, watched, silo);
        var (messages, pulses, lag) = watchers.Result();
        var line = Format.Invariant(
            $"{phase}, {options.Watchers:N0} watchers: {Format.Count(watched.Rate)} reports/s against {Format.Count(unwatched.Rate)} without ({watched.Rate / unwatched.Rate:P1}), ack p99 {watched.Latency.P99:0} ms against {unwatched.Latency.P99:0} ms; {watchers.Open:N0} still open; {messages:N0} messages, {pulses:N0} cell changes; change to watcher p50 {lag.P50:0} ms, p90 {lag.P90:0} ms, p99 {lag.P99:0} ms, max {lag.Max:0} ms");
        output.WriteLine(line);
        run.Notes.Add(line);
    }

    private async Task RunEchoAsync(RunSummary run, PointPool pool, string temp, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateDirectory(Path.Combine(temp, "echo")).FullName;
        // The same host as the silo (`dotnet some.dll`), with this program's runtimeconfig (server GC, as the silo).
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = folder };
        info.ArgumentList.Add(typeof(BenchRun).Assembly.Location);
        info.ArgumentList.Add(EchoServer.Flag);
        info.ArgumentList.Add("--parent-pid");
        info.ArgumentList.Add(Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        info.ArgumentList.Add(EchoServer.FaultFlag);
        info.ArgumentList.Add(options.EchoFault.ToString());
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        output.WriteLine();
        output.WriteLine("starting the echo server");
        var echo = await ChildProcess.StartAsync(
            "echo server", info, EchoServer.ReadyLine, Path.Combine(temp, "echo.log"), TimeSpan.FromSeconds(options.StartupTimeoutSeconds), cancellationToken);
        await using (echo)
        {
            output.WriteLine(Format.Invariant($"echo server ready on {echo.Address} (pid {echo.Pid}, RSS {Format.Mib(ProcStats.Memory(echo.Pid).RssKib)})"));
            var result = await _phases.RunAsync(run, Target.Echo(echo), "max", pool, null, cancellationToken);
            if (result is not null)
            {
                ConsoleReport.WritePhase(output, result, echo);
            }

            await StopAsync(echo);
        }
    }

    private async Task StopAsync(ChildProcess server)
    {
        var started = Stopwatch.GetTimestamp();
        await server.StopAsync(StopGrace);
        output.WriteLine(Format.Invariant($"{server.Name} stopped in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s"));
    }

    private static void TryDelete(DirectoryInfo folder)
    {
        try
        {
            folder.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
