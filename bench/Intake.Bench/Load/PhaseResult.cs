using Governance.Intake.Bench.Processes;

namespace Governance.Intake.Bench.Load;

/// <summary>What one phase against one target measured.</summary>
public sealed record PhaseResult
{
    /// <summary>"intake", "echo" or a cluster's name ("cluster-3").</summary>
    public required string Target { get; init; }

    /// <summary>"max" (as fast as the window allows) or "paced".</summary>
    public required string Phase { get; init; }

    public required int Streams { get; init; }

    public required int Window { get; init; }

    /// <summary>The offered rate of a paced phase, reports/s in all.</summary>
    public double? OfferedRate { get; init; }

    public required double MeasuredSeconds { get; init; }

    public required long Sent { get; init; }

    public required long Acked { get; init; }

    public required long DuplicatesSent { get; init; }

    public required long AckedInWindow { get; init; }

    /// <summary>Acks per second over the measuring window.</summary>
    public double Rate => AckedInWindow / MeasuredSeconds;

    /// <summary>Acks in each whole second of the window, in order.</summary>
    public required IReadOnlyList<int> Timeline { get; init; }

    /// <summary>The slowest and fastest whole second inside the window.</summary>
    public required (int Min, int Max) PerSecondRange { get; init; }

    /// <summary>
    /// The tenths of a second whose slowest ack took longest, at most six, in time order: when each began (UTC), and
    /// that ack's latency in milliseconds. To lay beside the server's log (checkpoints, commits) and see what the tail waits for.
    /// </summary>
    public required IReadOnlyList<(DateTime At, double Ms)> SlowestTenths { get; init; }

    /// <summary>Latency percentiles in milliseconds: p50, p90, p99, p99.9, max.</summary>
    public required LatencySummary Latency { get; init; }

    /// <summary>Acks by outcome: created, retry, merged, rejected, unspecified.</summary>
    public required long[] Outcomes { get; init; }

    public string? FirstRejection { get; init; }

    /// <summary>The (first) server's memory when the phase started (peak reset to RSS then, when the kernel allows).</summary>
    public required MemorySample ServerBefore { get; init; }

    /// <summary>The (first) server's memory at the end: PeakKib is the peak during the phase if <see cref="PeakWasReset"/>.</summary>
    public required MemorySample ServerAfter { get; init; }

    public required bool PeakWasReset { get; init; }

    /// <summary>Cores the servers used in the window (CPU seconds per second), all together.</summary>
    public required double ServerCores { get; init; }

    /// <summary>Cores the client (this process) used in the window.</summary>
    public required double ClientCores { get; init; }

    /// <summary>Cores busy on the whole machine in the window: server, client and anything else running.</summary>
    public required double MachineCores { get; init; }

    /// <summary>Cores the hypervisor took away in the window (steal time).</summary>
    public required double StealCores { get; init; }

    /// <summary>Where the (first) server's CPU went, by thread name.</summary>
    public required IReadOnlyList<ThreadGroupUse> ServerThreads { get; init; }

    /// <summary>Each server's cores in the window and its memory: one entry, unless the target is a cluster.</summary>
    public required IReadOnlyList<ServerUse> Servers { get; init; }

    /// <summary>Cores the database the servers share used in the window (PostgreSQL in cluster mode); null when not measured.</summary>
    public double? DatabaseCores { get; init; }

    /// <summary>When the phase started (<see cref="System.Diagnostics.Stopwatch"/> ticks): the origin of the per-tenth counts.</summary>
    public required long Started { get; init; }

    /// <summary>For each stream, its acks that were not rejections per tenth of a second since <see cref="Started"/>.</summary>
    public required IReadOnlyList<int[]> AcceptedPerTenth { get; init; }

    /// <summary>Rejected acks per tenth of a second since <see cref="Started"/>, all streams together.</summary>
    public required IReadOnlyList<int> RejectedPerTenth { get; init; }

    /// <summary>Some of the cases the phase's reports opened, for reads afterwards.</summary>
    public required IReadOnlyList<string> CreatedCases { get; init; }

    /// <summary>Seconds the server stayed busy after the last ack (work left behind the acks); null if not watched.</summary>
    public double? BusyAfterSeconds { get; set; }
}
