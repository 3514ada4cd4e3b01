namespace Governance.Intake.Bench.Cluster;

/// <summary>
/// What one kill -9 of a silo of three measured, in seconds from the kill: until the membership table marked it Dead,
/// until every stream's acks were back above half their rate before the kill, until a survivor had replayed its
/// journal. Null: not seen before the measurement ended.
/// </summary>
public sealed record KillResult
{
    public required int Round { get; init; }

    public required LivenessSetting Liveness { get; init; }

    /// <summary>Reports/s offered in all, over the survivors' gateways and the killed silo's (until just before the kill).</summary>
    public required double Rate { get; init; }

    public double? DeadAfter { get; init; }

    public double? AcksBackAfter { get; init; }

    public double? JournalReplayedAfter { get; init; }

    /// <summary>Reports the survivors rejected after the kill (UNAVAILABLE: a client resends them), and when the last was.</summary>
    public required long Rejected { get; init; }

    public required double LastRejectionAfter { get; init; }

    /// <summary>The longest any report waited for its ack in the phase, in milliseconds.</summary>
    public required double LongestAckMs { get; init; }

    /// <summary>Why the round ended without figures, if it did.</summary>
    public string? Failure { get; init; }
}
