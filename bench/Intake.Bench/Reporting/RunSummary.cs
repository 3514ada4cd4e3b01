using Governance.Intake.Bench.Cluster;
using Governance.Intake.Bench.Load;
using Governance.Intake.Bench.Queries;

namespace Governance.Intake.Bench.Reporting;

/// <summary>Everything one run measured, and what failed.</summary>
public sealed class RunSummary
{
    /// <summary>The throughput target: durable reports per second, sustained.</summary>
    public const double RateTarget = 20_000;

    /// <summary>The latency target: ack p99 at half the maximum rate, in milliseconds.</summary>
    public const double PacedP99TargetMs = 100;

    public required string Header { get; init; }

    public List<PhaseResult> Phases { get; } = [];

    public List<string> Failures { get; } = [];

    /// <summary>Cluster mode: the GetCase reads after each silo count's load.</summary>
    public List<QueryResult> Queries { get; } = [];

    /// <summary>Cluster mode: each kill -9 of a silo of three.</summary>
    public List<KillResult> Kills { get; } = [];

    /// <summary>Other findings of the run, one line each (live watchers).</summary>
    public List<string> Notes { get; } = [];

    /// <summary>The live-feed target: watchers may slow intake by at most this share.</summary>
    public const double WatcherSlowdownTarget = 0.10;

    public PhaseResult? Find(string target, string phase) => Phases.FirstOrDefault(p => p.Target == target && p.Phase == phase);
}
