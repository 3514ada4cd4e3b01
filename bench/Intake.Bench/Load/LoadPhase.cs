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
        var channels = Enumerable.Range(0, options.Connections).Select(_ => CreateChannel(target.Server.Address, target.Token)).ToList();
        var drivers = new List<StreamDriver>();
        try
        {
            foreach (var channel in channels)
            {
                await channel.ConnectAsync(cancellationToken);
            }

            var pid = target.Server.Pid;
            var peakWasReset = ProcStats.ResetPeak(pid);
            var before = ProcStats.Memory(pid);
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
            var sampling = SampleWindowAsync(pid, plan, failed.Token);
            var streams = drivers.Select((driver, i) => RunStreamAsync(driver, target, channels[i % channels.Count], failed)).ToList();
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
                ServerBefore = before,
                ServerAfter = ProcStats.Memory(pid),
                PeakWasReset = peakWasReset,
                ServerCores = window.ServerCores,
                ClientCores = window.ClientCores,
                MachineCores = window.MachineCores,
                StealCores = window.StealCores,
                ServerThreads = window.Threads,
            };
        }
        finally
        {
            foreach (var driver in drivers)
            {
                driver.Dispose();
            }

            foreach (var channel in channels)
            {
                channel.Dispose();
            }
        }
    }

    /// <summary>
    /// Waits until the server has been (nearly) idle for a second, to see how long it kept working after the last
    /// ack: work queued behind the acknowledgements. Gives up after <paramref name="limit"/>.
    /// </summary>
    public static async Task<double> WaitForIdleAsync(int pid, TimeSpan limit, CancellationToken cancellationToken)
    {
        const double IdleCores = 0.10;
        var started = Stopwatch.GetTimestamp();
        var last = ProcStats.CpuSeconds(pid);
        while (Stopwatch.GetElapsedTime(started) < limit)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            var now = ProcStats.CpuSeconds(pid);
            if (now - last < IdleCores)
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

    private static async Task<WindowSample> SampleWindowAsync(int pid, PhasePlan plan, CancellationToken cancellationToken)
    {
        await DelayUntilAsync(plan.MeasureFrom, cancellationToken);
        var client = Process.GetCurrentProcess();
        var serverFrom = ProcStats.CpuSeconds(pid);
        var threadsFrom = ProcStats.Threads(pid);
        var clientFrom = client.TotalProcessorTime.TotalSeconds;
        var machineFrom = ProcStats.MachineCpuSeconds();
        var from = Stopwatch.GetTimestamp();

        await DelayUntilAsync(plan.MeasureUntil, cancellationToken);
        client.Refresh();
        var seconds = Stopwatch.GetElapsedTime(from).TotalSeconds;
        var machine = ProcStats.MachineCpuSeconds();
        return new WindowSample(
            (ProcStats.CpuSeconds(pid) - serverFrom) / seconds,
            (client.TotalProcessorTime.TotalSeconds - clientFrom) / seconds,
            (machine.Busy - machineFrom.Busy) / seconds,
            (machine.Steal - machineFrom.Steal) / seconds,
            ProcStats.Busiest(threadsFrom, ProcStats.Threads(pid), seconds, top: 6));
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

    private sealed record WindowSample(double ServerCores, double ClientCores, double MachineCores, double StealCores, IReadOnlyList<ThreadGroupUse> Threads);
}
