using Governance.Contracts.V1;
using static Governance.Intake.Bench.Reporting.Format;

namespace Governance.Intake.Bench.Reporting;

/// <summary>The run as a Markdown block, to paste into docs/benchmarks.md.</summary>
public static class MarkdownReport
{
    public static void Write(TextWriter output, RunSummary run)
    {
        output.WriteLine();
        output.WriteLine("```text");
        output.WriteLine(run.Header.TrimEnd());
        output.WriteLine("```");
        output.WriteLine();
        output.WriteLine("| target | phase | reports/s | slowest–fastest second | p50 | p99 | p99.9 | created / merged / retry / rejected | server peak RSS | server RSS at end | CPU server / client / machine |");
        output.WriteLine("| --- | --- | ---: | --- | ---: | ---: | ---: | --- | ---: | ---: | ---: |");
        foreach (var r in run.Phases)
        {
            var phase = r.OfferedRate is { } offered ? Invariant($"{r.Phase} {Count(offered)}/s") : r.Phase;
            output.WriteLine(Invariant(
                $"| {r.Target} | {phase} | {Count(r.Rate)} | {Count(r.PerSecondRange.Min)}–{Count(r.PerSecondRange.Max)} | {Ms(r.Latency.P50)} | {Ms(r.Latency.P99)} | {Ms(r.Latency.P999)} | {Count(r.Outcomes[(int)ReportOutcome.Created])} / {Count(r.Outcomes[(int)ReportOutcome.Merged])} / {Count(r.Outcomes[(int)ReportOutcome.Retry])} / {Count(r.Outcomes[(int)ReportOutcome.Rejected])} | {Mib(r.ServerAfter.PeakKib)} | {Mib(r.ServerAfter.RssKib)} | {Cores(r.ServerCores)} / {Cores(r.ClientCores)} / {Cores(r.MachineCores)} |"));
        }

        var echo = run.Find("echo", "max");
        var intake = run.Find("intake", "max");
        if (echo is not null && intake is not null)
        {
            output.WriteLine();
            output.WriteLine(Invariant($"Ratio intake/echo (max rate, same run): **{Ratio(intake.Rate / echo.Rate)}**"));
        }

        foreach (var failure in run.Failures)
        {
            output.WriteLine();
            output.WriteLine($"**FAILED:** {failure}");
        }
    }
}
