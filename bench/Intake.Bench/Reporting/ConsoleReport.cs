using Governance.Contracts.V1;
using Governance.Intake.Bench.Load;
using Governance.Intake.Bench.Processes;
using Governance.Intake.Bench.Targets;
using static Governance.Intake.Bench.Reporting.Format;

namespace Governance.Intake.Bench.Reporting;

/// <summary>Writes phases and the closing summary for a person at a terminal.</summary>
public static class ConsoleReport
{
    public static void WritePhase(TextWriter output, PhaseResult r, ChildProcess server) => WritePhase(output, r, [server]);

    /// <summary>A phase against several servers (a cluster's silos): their warnings and errors are named one by one.</summary>
    public static void WritePhase(TextWriter output, PhaseResult r, IReadOnlyList<ChildProcess> servers)
    {
        var title = r.OfferedRate is { } offered
            ? Invariant($"{r.Target} · {r.Phase}, paced at {Count(offered)} reports/s")
            : Invariant($"{r.Target} · {r.Phase}, max rate");
        output.WriteLine();
        output.WriteLine(Invariant($"{title} — {r.Streams} streams × window {r.Window}, {r.MeasuredSeconds:0.#} s measured after warm-up"));
        output.WriteLine(Invariant($"  reports/s      {Count(r.Rate)}  (slowest second {Count(r.PerSecondRange.Min)}, fastest {Count(r.PerSecondRange.Max)})"));
        output.WriteLine("  per second     " + string.Join(' ', r.Timeline.Select(n => Invariant($"{n / 1000.0:0.#}k"))));
        output.WriteLine(Invariant(
            $"  ack latency    p50 {Ms(r.Latency.P50)} · p90 {Ms(r.Latency.P90)} · p99 {Ms(r.Latency.P99)} · p99.9 {Ms(r.Latency.P999)} · max {Ms(r.Latency.Max)}"));
        output.WriteLine("  slowest acks   " + string.Join(" · ", r.SlowestTenths.Select(t => Invariant($"{t.At:HH:mm:ss.f} UTC {t.Ms:0} ms"))));
        output.WriteLine(Invariant(
            $"  acks           {Count(r.Acked)} of {Count(r.Sent)} sent, all in order ({Count(r.AckedInWindow)} in the window); {Outcomes(r)}"));
        if (r.DuplicatesSent > 0)
        {
            output.WriteLine(Invariant($"  duplicates     {Count(r.DuplicatesSent)} resent (expect as many RETRY outcomes from intake)"));
        }

        if (r.FirstRejection is { } rejection)
        {
            output.WriteLine($"  first reject   {rejection}");
        }

        var peak = r.PeakWasReset ? "peak RSS in the phase" : "peak RSS since start";
        output.WriteLine(Invariant(
            $"  server memory  {peak} {Mib(r.ServerAfter.PeakKib)}; RSS {Mib(r.ServerBefore.RssKib)} at start → {Mib(r.ServerAfter.RssKib)} at end"));
        output.WriteLine(Invariant(
            $"  CPU (cores)    server {Cores(r.ServerCores)}, client {Cores(r.ClientCores)}, whole machine {Cores(r.MachineCores)} of {Environment.ProcessorCount} (others {Cores(Math.Max(0, r.MachineCores - r.ServerCores - r.ClientCores))}, stolen {Cores(r.StealCores)})"));
        if (r.Servers.Count > 1 || r.DatabaseCores is not null)
        {
            var database = r.DatabaseCores is { } cores ? Invariant($"; PostgreSQL {Cores(cores)}") : "";
            output.WriteLine("  each server    " + string.Join(" · ", r.Servers.Select(s => Invariant($"{s.Name} {Cores(s.Cores)} cores, peak {Mib(s.After.PeakKib)}"))) + database);
        }

        output.WriteLine("  server threads " + string.Join(" · ", r.ServerThreads.Select(t => Invariant($"{t.Name} ×{t.Threads} {Cores(t.Cores)}"))));
        if (r.BusyAfterSeconds is { } busy)
        {
            output.WriteLine(Invariant($"  after the load the server stayed busy {busy:0.#} s (work left behind the acks)"));
        }

        foreach (var server in servers.Where(s => s.ProblemCount > 0))
        {
            var name = servers.Count > 1 ? server.Name + " " : "";
            output.WriteLine(Invariant($"  server log     {name}{server.ProblemCount} warnings/errors so far; first: {server.Problems[0]}"));
        }
    }

    public static void WriteSummary(TextWriter output, RunSummary run)
    {
        var echo = run.Find(Target.EchoName, "max");
        var intake = run.Find(Target.IntakeName, "max");
        var paced = run.Find(Target.IntakeName, "paced");
        output.WriteLine();
        output.WriteLine("summary");
        foreach (var r in run.Phases)
        {
            var label = r.OfferedRate is { } offered ? Invariant($"{r.Target} {r.Phase} ({Count(offered)}/s)") : $"{r.Target} {r.Phase}";
            output.WriteLine(Invariant(
                $"  {label,-26} {Count(r.Rate),9} reports/s   p50 {Ms(r.Latency.P50),9}   p99 {Ms(r.Latency.P99),9}   server peak {Mib(r.ServerAfter.PeakKib)}, end {Mib(r.ServerAfter.RssKib)}   rejected {Count(r.Outcomes[(int)ReportOutcome.Rejected])}"));
        }

        if (echo is not null && intake is not null)
        {
            output.WriteLine(Invariant($"  ratio intake/echo          {Ratio(intake.Rate / echo.Rate)} (max rate), same client, same run"));
        }

        if (intake is not null)
        {
            output.WriteLine(Invariant(
                $"  target ≥ {Count(RunSummary.RateTarget)} durable reports/s sustained: {(intake.Rate >= RunSummary.RateTarget ? "MET" : "MISSED")} ({Count(intake.Rate)})"));
        }

        if (paced is not null)
        {
            output.WriteLine(Invariant(
                $"  target ack p99 < {RunSummary.PacedP99TargetMs:0} ms at half the max rate: {(paced.Latency.P99 < RunSummary.PacedP99TargetMs ? "MET" : "MISSED")} ({Ms(paced.Latency.P99)} at {Count(paced.OfferedRate ?? 0)}/s offered, {Count(paced.Rate)}/s acked)"));
        }

        var watched = run.Phases.Where(p => p.Phase.StartsWith("watched", StringComparison.Ordinal)).Select(p => p.Rate).Order().ToList();
        var unwatched = run.Phases.Where(p => p.Phase.StartsWith("unwatched", StringComparison.Ordinal)).Select(p => p.Rate).Order().ToList();
        if (watched.Count > 0 && unwatched.Count > 0)
        {
            var slowdown = 1 - (watched[watched.Count / 2] / unwatched[unwatched.Count / 2]);
            output.WriteLine(Invariant(
                $"  target watchers slow intake by ≤ {RunSummary.WatcherSlowdownTarget:P0}: {(slowdown <= RunSummary.WatcherSlowdownTarget ? "MET" : "MISSED")} (median watched {Count(watched[watched.Count / 2])}/s against median unwatched {Count(unwatched[unwatched.Count / 2])}/s, the same mix: {slowdown:P1} slower)"));
        }

        foreach (var note in run.Notes)
        {
            output.WriteLine($"  {note}");
        }

        foreach (var failure in run.Failures)
        {
            output.WriteLine($"  FAILED: {failure}");
        }
    }

    private static string Outcomes(PhaseResult r)
    {
        var line = $"created {Count(r.Outcomes[(int)ReportOutcome.Created])} · merged {Count(r.Outcomes[(int)ReportOutcome.Merged])} · " +
            $"retry {Count(r.Outcomes[(int)ReportOutcome.Retry])} · rejected {Count(r.Outcomes[(int)ReportOutcome.Rejected])}";
        var unspecified = r.Outcomes[(int)ReportOutcome.Unspecified];
        return unspecified > 0 ? $"{line} · unspecified {Count(unspecified)}" : line;
    }
}
