using System.Diagnostics;
using System.Globalization;
using Governance.Intake.Bench.Processes;
using Governance.Intake.Bench.Targets;
using Governance.Contracts.Access;
using Grpc.Net.Client;

namespace Governance.Intake.Bench.Load;

/// <summary>Runs many streams against one target for a warm-up and a measuring window, and gathers what they saw.</summary>
public static class LoadPhase
{
    /// <summary>Runs one phase. <paramref name="totalRate"/> null: as fast as the window allows; else paced.</summary>
    public static async Task<PhaseResult> RunAsync(
        string phase, Target target, PointPool pool, BenchOptions options, double? totalRate, string idPrefix, int seed, CancellationToken cancellationToken)
    {
        // Each server's gateway gets its own connections; stream i goes to server i mod N, so the servers share the streams in turn.
        var servers = target.Servers;
        var channels = servers.Select(server => Enumerable.Range(0, options.Connections).Select(_ => CreateChannel(server.Address, target.Token)).ToList()).ToList();
        var drivers = new List<StreamDriver>();
        try
        {
            foreach (var channel in channels.SelectMany(c => c))
            {
                await channel.ConnectAsync(cancellationToken);
            }

            var peakWasReset = servers.Select(s => ProcStats.ResetPeak(s.Pid)).ToList().All(reset => reset);
            var before = servers.Select(s => ProcStats.Memory(s.Pid)).ToList();
            var startedUtc = DateTime.UtcNow;
            var plan = PhasePlan.StartingNow(
                options.WarmupSeconds, options.Seconds, totalRate / options.Streams, options.Window, options.Duplicates,
                TimeSpan.FromSeconds(options.DrainTimeoutSeconds));
            drivers.AddRange(Enumerable.Range(0, options.Streams).Select(i => new StreamDriver(
                i,
                plan,
                new ReportFactory(
                    pool, options.Mode, options.StormShare, string.Create(CultureInfo.InvariantCulture, $"{idPrefix}-{i}"), new Random(HashCode.Combine(seed, i, 1)),
                    options.FreshCategories ? "-" + idPrefix[(idPrefix.LastIndexOf('-') + 1)..] : ""),
                new Random(HashCode.Combine(seed, i, 2)))));

            using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var sampling = SampleWindowAsync(target, plan, failed.Token);
            var streams = drivers.Select((driver, i) => RunStreamAsync(driver, target, channels[i % servers.Count][i / servers.Count % options.Connections], failed)).ToList();
            var all = Task.WhenAll(streams);
            try
            {
                await all;
            }
            catch when (all.Exception is { } aggregate)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // The first real failure, not the cancellations it caused in the other streams.
                var cause = aggregate.InnerExceptions.FirstOrDefault(e => e is not OperationCanceledException) ?? aggregate.InnerExceptions[0];
                throw cause is BenchFailedException ? cause : new BenchFailedException($"{target.Name} {phase}: {cause.Message}", cause);
            }

            var window = await sampling;
            var timeline = Timeline(drivers, options);
            var latencies = new List<long>(drivers.Sum(d => d.Latencies.Count));
            foreach (var driver in drivers)
            {
                latencies.AddRange(driver.Latencies);
            }

            var outcomes = new long[8];
            foreach (var driver in drivers)
            {
                for (var i = 0; i < outcomes.Length; i++)
                {
                    outcomes[i] += driver.Outcomes[i];
                }
            }

            return new PhaseResult
            {
                Target = target.Name,
                Phase = phase,
                Streams = options.Streams,
                Window = options.Window,
                OfferedRate = totalRate,
                MeasuredSeconds = plan.MeasuredSeconds,
                Sent = drivers.Sum(d => d.Sent),
                Acked = drivers.Sum(d => d.Acked),
                DuplicatesSent = drivers.Sum(d => d.DuplicatesSent),
                AckedInWindow = drivers.Sum(d => d.AckedInWindow),
                Timeline = timeline,
                PerSecondRange = timeline.Length == 0 ? (0, 0) : (timeline.Min(), timeline.Max()),
                Latency = LatencySummary.From(latencies),
                SlowestTenths = SlowestTenths(drivers, startedUtc),
                Outcomes = outcomes,
                FirstRejection = drivers.Select(d => d.FirstRejection).FirstOrDefault(r => r is not null),
                ServerBefore = before[0],
                ServerAfter = ProcStats.Memory(servers[0].Pid),
                PeakWasReset = peakWasReset,
                ServerCores = window.Cpu.TotalServerCores,
                ClientCores = window.Cpu.ClientCores,
                MachineCores = window.Cpu.MachineCores,
                StealCores = window.Cpu.StealCores,
                ServerThreads = window.Threads,
                Servers = [.. servers.Select((s, i) => new ServerUse(s.Name, s.Pid, window.Cpu.ServerCores[i], before[i], ProcStats.Memory(s.Pid)))],
                DatabaseCores = window.Cpu.DatabaseCores,
                Started = plan.Start,
                AcceptedPerTenth = [.. drivers.Select(d => d.AcceptedPerTenth)],
                RejectedPerTenth = [.. Enumerable.Range(0, drivers[0].RejectedPerTenth.Length).Select(t => drivers.Sum(d => d.RejectedPerTenth[t]))],
                CreatedCases = [.. drivers.SelectMany(d => d.CreatedCases)],
            };
        }

        finally
        {
            foreach (var driver in drivers)
            {
                driver.Dispose();
            }

            foreach (var channel in channels.SelectMany(c => c))
            {
                channel.Dispose();
            }
        }
    }

    /// <summary>
    /// Waits until the server has been (nearly) idle for a second, to see how long it kept working after the last
    /// ack: work queued behind the acknowledgements. Gives up after <paramref name="limit"/>.
    /// </summary>
    public static Task<double> WaitForIdleAsync(int pid, TimeSpan limit, CancellationToken cancellationToken) =>
        WaitForIdleAsync([pid], limit, cancellationToken);

    /// <summary>As <see cref="WaitForIdleAsync(int, TimeSpan, CancellationToken)"/>, until every one of several servers is (nearly) idle.</summary>
    public static async Task<double> WaitForIdleAsync(IReadOnlyList<int> pids, TimeSpan limit, CancellationToken cancellationToken)
    {
        const double IdleCores = 0.10;
        var started = Stopwatch.GetTimestamp();
        var last = pids.Select(ProcStats.CpuSeconds).ToList();
        while (Stopwatch.GetElapsedTime(started) < limit)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            var now = pids.Select(ProcStats.CpuSeconds).ToList();
            var idle = now.Select((seconds, i) => seconds - last[i]).All(used => used < IdleCores);
            if (idle)
            {
                return Math.Max(0, Stopwatch.GetElapsedTime(started).TotalSeconds - 1);
            }

            last = now;
        }

        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static async Task RunStreamAsync(StreamDriver driver, Target target, GrpcChannel channel, CancellationTokenSource failed)
    {
        try
        {
            await driver.RunAsync(ct => target.Open(channel, ct), failed.Token);
        }
        catch
        {
            await failed.CancelAsync();
            throw;
        }
    }

    private static async Task<WindowSample> SampleWindowAsync(Target target, PhasePlan plan, CancellationToken cancellationToken)
    {
        await DelayUntilAsync(plan.MeasureFrom, cancellationToken);
        var first = target.Server.Pid;
        var threadsFrom = ProcStats.Threads(first);
        var from = Stopwatch.GetTimestamp();
        var meter = CpuMeter.Start([.. target.Servers.Select(s => s.Pid)], target.DatabaseCpuSeconds);

        await DelayUntilAsync(plan.MeasureUntil, cancellationToken);
        var cpu = meter.Stop();
        return new WindowSample(cpu, ProcStats.Busiest(threadsFrom, ProcStats.Threads(first), Stopwatch.GetElapsedTime(from).TotalSeconds, top: 6));
    }

    private static async Task DelayUntilAsync(long timestamp, CancellationToken cancellationToken)
    {
        var wait = timestamp - Stopwatch.GetTimestamp();
        if (wait > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), cancellationToken);
        }
    }

    private static int[] Timeline(List<StreamDriver> drivers, BenchOptions options)
    {
        var first = (int)Math.Ceiling(options.WarmupSeconds);
        var last = (int)Math.Floor(options.WarmupSeconds + options.Seconds) - 1;
        return [.. Enumerable.Range(first, Math.Max(0, last - first + 1)).Select(second => drivers.Sum(d => d.PerSecond[second]))];
    }

    private static (DateTime At, double Ms)[] SlowestTenths(List<StreamDriver> drivers, DateTime startedUtc)
    {
        var worst = new long[drivers[0].WorstPerTenth.Length];
        foreach (var driver in drivers)
        {
            for (var i = 0; i < worst.Length; i++)
            {
                worst[i] = Math.Max(worst[i], driver.WorstPerTenth[i]);
            }
        }

        return [.. worst.Select((ticks, tenth) => (At: startedUtc.AddSeconds(tenth / 10.0), Ms: ticks * 1000.0 / Stopwatch.Frequency))
            .Where(t => t.Ms > 0)
            .OrderByDescending(t => t.Ms)
            .Take(6)
            .OrderBy(t => t.At)];
    }

    private static GrpcChannel CreateChannel(string address, string? token)
    {
        var options = new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                EnableMultipleHttp2Connections = true,
                PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
                ConnectTimeout = TimeSpan.FromSeconds(10),
            },
            DisposeHttpClient = true,
        };
        return token is null ? GrpcChannel.ForAddress(address, options) : BearerChannel.ForAddress(address, token, options);
    }

    private sealed record WindowSample(CpuUse Cpu, IReadOnlyList<ThreadGroupUse> Threads);
}
