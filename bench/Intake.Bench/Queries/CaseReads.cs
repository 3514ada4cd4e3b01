using System.Collections.Concurrent;
using System.Diagnostics;
using Governance.Contracts.Access;
using Governance.Contracts.V1;
using Governance.Intake.Bench.Load;
using Governance.Intake.Bench.Processes;
using Governance.Intake.Bench.Targets;
using Grpc.Core;
using Grpc.Net.Client;

namespace Governance.Intake.Bench.Queries;

/// <summary>
/// CaseService.GetCase as fast as <c>callers</c> concurrent callers can ask, each through one gateway of the target's in
/// turn, for cases the load opened (so most were taken by another silo than the one asked): a warm-up, then a window.
/// </summary>
public static class CaseReads
{
    public static async Task<QueryResult> RunAsync(
        Target target, IReadOnlyList<string> caseIds, int callers, double warmupSeconds, double seconds, int seed, CancellationToken cancellationToken)
    {
        if (caseIds.Count == 0)
        {
            throw new BenchFailedException($"{target.Name} reads: the load opened no case to read");
        }

        var channels = target.Servers.Select(s => BearerChannel.ForAddress(s.Address, target.Token ?? "")).ToList();
        try
        {
            var start = Stopwatch.GetTimestamp();
            var measureFrom = start + (long)(warmupSeconds * Stopwatch.Frequency);
            var measureUntil = measureFrom + (long)(seconds * Stopwatch.Frequency);
            var latencies = new ConcurrentBag<List<long>>();
            var errors = new Failures();
            var sampling = SampleAsync(target, measureFrom, measureUntil, cancellationToken);
            await Task.WhenAll(Enumerable.Range(0, callers).Select(c => Task.Run(
                async () => latencies.Add(await CallUntilAsync(channels[c % channels.Count], caseIds, measureFrom, measureUntil, new Random(HashCode.Combine(seed, c)), errors, cancellationToken)),
                cancellationToken)));
            var cpu = await sampling;
            var all = latencies.SelectMany(l => l).ToList();
            return new QueryResult
            {
                Target = target.Name,
                Callers = callers,
                MeasuredSeconds = (double)(measureUntil - measureFrom) / Stopwatch.Frequency,
                Answered = all.Count,
                Latency = LatencySummary.From(all),
                Errors = errors.Count,
                FirstError = errors.First,
                Cpu = cpu,
            };
        }
        finally
        {
            foreach (var channel in channels)
            {
                channel.Dispose();
            }
        }
    }

    private static async Task<List<long>> CallUntilAsync(
        GrpcChannel channel, IReadOnlyList<string> caseIds, long measureFrom, long measureUntil, Random random, Failures errors,
        CancellationToken cancellationToken)
    {
        var cases = new CaseService.CaseServiceClient(channel);
        var latencies = new List<long>();
        while (Stopwatch.GetTimestamp() < measureUntil)
        {
            var caseId = caseIds[random.Next(caseIds.Count)];
            var sent = Stopwatch.GetTimestamp();
            try
            {
                var answer = await cases.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: cancellationToken);
                var now = Stopwatch.GetTimestamp();
                if (answer.Case.CaseId != caseId)
                {
                    errors.Add($"{caseId}: answered with case {answer.Case.CaseId}");
                }
                else if (now >= measureFrom && now < measureUntil)
                {
                    latencies.Add(now - sent);
                }
            }
            catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
            {
                errors.Add($"{caseId}: {ex.StatusCode} {ex.Status.Detail}");
                // A read that fails at once must not spin.
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
            }
        }

        return latencies;
    }

    private static async Task<CpuUse> SampleAsync(Target target, long from, long until, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, (double)(from - Stopwatch.GetTimestamp()) / Stopwatch.Frequency)), cancellationToken);
        var meter = CpuMeter.Start([.. target.Servers.Select(s => s.Pid)], target.DatabaseCpuSeconds);
        await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, (double)(until - Stopwatch.GetTimestamp()) / Stopwatch.Frequency)), cancellationToken);
        return meter.Stop();
    }

    /// <summary>Failed calls counted, the first one kept: a read that fails on every call must not fill the memory.</summary>
    private sealed class Failures
    {
        private long _count;
        private string? _first;

        public long Count => Interlocked.Read(ref _count);

        public string? First => Volatile.Read(ref _first);

        public void Add(string failure)
        {
            Interlocked.Increment(ref _count);
            Interlocked.CompareExchange(ref _first, failure, null);
        }
    }
}
