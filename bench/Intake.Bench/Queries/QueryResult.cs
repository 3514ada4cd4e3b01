using Governance.Intake.Bench.Load;
using Governance.Intake.Bench.Processes;

namespace Governance.Intake.Bench.Queries;

/// <summary>What a phase of case reads measured: calls answered in the window, their latency, the errors, and the CPU they took.</summary>
public sealed record QueryResult
{
    /// <summary>The target read through ("cluster-3").</summary>
    public required string Target { get; init; }

    public required int Callers { get; init; }

    public required double MeasuredSeconds { get; init; }

    /// <summary>Calls answered (with a case) in the measuring window.</summary>
    public required long Answered { get; init; }

    public double Rate => Answered / MeasuredSeconds;

    /// <summary>Call-to-answer latency in milliseconds, of the answers in the window.</summary>
    public required LatencySummary Latency { get; init; }

    /// <summary>Calls that failed, in the whole phase, and the first failure.</summary>
    public required long Errors { get; init; }

    public string? FirstError { get; init; }

    /// <summary>Cores used in the window by each silo, PostgreSQL, the client and the machine.</summary>
    public required CpuUse Cpu { get; init; }
}
