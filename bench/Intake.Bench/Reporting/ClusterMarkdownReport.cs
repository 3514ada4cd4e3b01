using static Governance.Intake.Bench.Reporting.Format;

namespace Governance.Intake.Bench.Reporting;

/// <summary>Cluster mode as Markdown tables, to paste into docs/benchmarks.md: one row per silo count, one per kill.</summary>
public static class ClusterMarkdownReport
{
    public static void Write(TextWriter output, RunSummary run)
    {
        var counts = ClusterConsoleReport.SiloCounts(run).ToList();
        var one = run.Find(ClusterConsoleReport.TargetName(1), "max");
        if (counts.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("| silos | reports/s | × 1 silo | ack p50 | ack p99 | paced p99 (rate) | CPU each silo | PostgreSQL | client / machine | peak RSS each silo | GetCase/s | GetCase p50 / p99 |");
            output.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- | ---: | ---: |");
            foreach (var count in counts)
            {
                var name = ClusterConsoleReport.TargetName(count);
                var max = run.Find(name, "max")!;
                var paced = run.Find(name, "paced");
                var reads = run.Queries.FirstOrDefault(q => q.Target == name);
                var pacedCell = paced is null ? "" : Invariant($"{Ms(paced.Latency.P99)} ({Count(paced.OfferedRate ?? 0)}/s)");
                var readCells = reads is null ? "| |" : Invariant($"| {Count(reads.Rate)} | {Ms(reads.Latency.P50)} / {Ms(reads.Latency.P99)} |");
                output.WriteLine(Invariant(
                    $"| {count} | {Count(max.Rate)} | {(one is null ? "" : Ratio(max.Rate / one.Rate))} | {Ms(max.Latency.P50)} | {Ms(max.Latency.P99)} | {pacedCell} | {ClusterConsoleReport.SiloCores(max)} | {Cores(max.DatabaseCores ?? 0)} | {Cores(max.ClientCores)} / {Cores(max.MachineCores)} | {string.Join(" / ", max.Servers.Select(s => Mib(s.After.PeakKib)))} {readCells}"));
            }
        }

        if (run.Kills.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("| round | liveness | marked Dead | acks back | journal replayed | rejected after the kill (last) | longest ack |");
            output.WriteLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: |");
            foreach (var k in run.Kills)
            {
                output.WriteLine(Invariant(
                    $"| {k.Round} | {k.Liveness.ToString().ToLowerInvariant()} | {ClusterConsoleReport.Seconds(k.DeadAfter)} | {ClusterConsoleReport.Seconds(k.AcksBackAfter)} | {ClusterConsoleReport.Seconds(k.JournalReplayedAfter)} | {Count(k.Rejected)} ({k.LastRejectionAfter:0.0} s) | {Ms(k.LongestAckMs)} |"));
            }
        }
    }
}
