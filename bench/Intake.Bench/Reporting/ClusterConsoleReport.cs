using System.Globalization;
using Governance.Intake.Bench.Cluster;
using Governance.Intake.Bench.Load;
using Governance.Intake.Bench.Queries;
using static Governance.Intake.Bench.Reporting.Format;

namespace Governance.Intake.Bench.Reporting;

/// <summary>Cluster mode for a person at a terminal: each read phase and kill as it ends, and a summary by silo count and by liveness setting.</summary>
public static class ClusterConsoleReport
{
    public static void WriteQuery(TextWriter output, QueryResult q)
    {
        output.WriteLine(Invariant($"  GetCase/s      {Count(q.Rate)} answered ({Count(q.Answered)} in {q.MeasuredSeconds:0.#} s), {Count(q.Errors)} failed{(q.FirstError is { } e ? "; first: " + e : "")}"));
        output.WriteLine(Invariant($"  latency        p50 {Ms(q.Latency.P50)} · p90 {Ms(q.Latency.P90)} · p99 {Ms(q.Latency.P99)} · max {Ms(q.Latency.Max)}"));
        output.WriteLine(Invariant($"  CPU (cores)    silos {string.Join(" + ", q.Cpu.ServerCores.Select(Cores))}, PostgreSQL {Cores(q.Cpu.DatabaseCores ?? 0)}, client {Cores(q.Cpu.ClientCores)}, machine {Cores(q.Cpu.MachineCores)}"));
    }

    public static void WriteKill(TextWriter output, KillResult k)
    {
        output.WriteLine();
        output.WriteLine(Invariant($"kill round {k.Round}, {k.Liveness} liveness, {Count(k.Rate)} reports/s offered:"));
        if (k.Failure is { } failure)
        {
            output.WriteLine($"  FAILED: {failure}");
        }

        output.WriteLine($"  marked Dead after          {Seconds(k.DeadAfter)}");
        output.WriteLine($"  every stream's acks back   {Seconds(k.AcksBackAfter)} (above half its rate before the kill, and staying there)");
        output.WriteLine($"  journal replayed after     {Seconds(k.JournalReplayedAfter)}");
        output.WriteLine(Invariant($"  rejected after the kill    {Count(k.Rejected)} reports (UNAVAILABLE, to be resent), the last {k.LastRejectionAfter:0.0} s after it; longest ack wait {Ms(k.LongestAckMs)}"));
    }

    public static void WriteSummary(TextWriter output, RunSummary run)
    {
        var counts = SiloCounts(run).ToList();
        if (counts.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("cluster summary (max rate through all gateways; the ratio is to 1 silo in this run)");
            var one = run.Find(TargetName(1), "max");
            foreach (var count in counts)
            {
                var max = run.Find(TargetName(count), "max");
                var paced = run.Find(TargetName(count), "paced");
                var reads = run.Queries.FirstOrDefault(q => q.Target == TargetName(count));
                if (max is not null)
                {
                    var ratio = one is null ? "" : Invariant($" ({Ratio(max.Rate / one.Rate)}×)");
                    output.WriteLine(Invariant(
                        $"  {count} silo(s): {Count(max.Rate)} reports/s{ratio}, p50 {Ms(max.Latency.P50)}, p99 {Ms(max.Latency.P99)}; silos {SiloCores(max)} cores, PostgreSQL {Cores(max.DatabaseCores ?? 0)}, machine {Cores(max.MachineCores)}; peak RSS {string.Join(" / ", max.Servers.Select(s => Mib(s.After.PeakKib)))}"));
                }

                if (paced is not null)
                {
                    output.WriteLine(Invariant($"      paced at {Count(paced.OfferedRate ?? 0)}/s: p50 {Ms(paced.Latency.P50)}, p99 {Ms(paced.Latency.P99)}"));
                }

                if (reads is not null)
                {
                    output.WriteLine(Invariant($"      GetCase: {Count(reads.Rate)}/s, p50 {Ms(reads.Latency.P50)}, p99 {Ms(reads.Latency.P99)}, {Count(reads.Errors)} failed"));
                }
            }
        }

        foreach (var setting in run.Kills.Select(k => k.Liveness).Distinct())
        {
            var kills = run.Kills.Where(k => k.Liveness == setting && k.Failure is null).ToList();
            output.WriteLine();
            output.WriteLine(Invariant($"kill -9 of one silo of three, {setting} liveness, {kills.Count} rounds (medians; each round's in brackets)"));
            output.WriteLine($"  marked Dead          {MedianOf(kills, k => k.DeadAfter)}");
            output.WriteLine($"  acks back            {MedianOf(kills, k => k.AcksBackAfter)}");
            output.WriteLine($"  journal replayed     {MedianOf(kills, k => k.JournalReplayedAfter)}");
        }
    }

    /// <summary>The silo counts measured, in the order they ran.</summary>
    public static IEnumerable<int> SiloCounts(RunSummary run) => run.Phases
        .Where(p => p.Phase == "max" && p.Target.StartsWith("cluster-", StringComparison.Ordinal))
        .Select(p => int.Parse(p.Target["cluster-".Length..], CultureInfo.InvariantCulture))
        .Distinct();

    public static string TargetName(int count) => Invariant($"cluster-{count}");

    public static string SiloCores(PhaseResult r) => string.Join(" + ", r.Servers.Select(s => Cores(s.Cores)));

    /// <summary>Seconds to a tenth, or what was not seen.</summary>
    public static string Seconds(double? seconds) => seconds is { } s ? Invariant($"{s:0.0} s") : "not seen";

    /// <summary>The median of rounds' figures, a round not seen counting as the slowest, with each round's figure.</summary>
    public static string MedianOf(IReadOnlyList<KillResult> kills, Func<KillResult, double?> figure)
    {
        var values = kills.Select(figure).ToList();
        var median = Median.Of(values.Select(v => v ?? double.PositiveInfinity));
        var each = string.Join(", ", values.Select(v => v is { } s ? Invariant($"{s:0.0}") : "not seen"));
        return (double.IsPositiveInfinity(median) ? "not seen" : Invariant($"{median:0.0} s")) + $" ({each})";
    }
}
