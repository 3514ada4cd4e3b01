using System.ComponentModel.DataAnnotations;

namespace Governance.Intake.Pipeline;

/// <summary>How the intake pipeline batches, bounds and checkpoints (section "Intake").</summary>
public sealed class IntakeOptions
{
    public const string Section = "Intake";

    /// <summary>Reports waiting for the journal at most; beyond it streams wait and unary calls are refused.</summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 20_000;

    /// <summary>Most reports in one journal transaction.</summary>
    [Range(1, 100_000)]
    public int MaxBatchSize { get; set; } = 4_000;

    /// <summary>How long the journal writer waits for more reports after the first, to fill a transaction.</summary>
    [Range(0, 1000)]
    public int GroupCommitWindowMilliseconds { get; set; } = 2;

    /// <summary>How often dirty grains are flushed and the journal checkpointed.</summary>
    [Range(100, 600_000)]
    public int CheckpointIntervalMilliseconds { get; set; } = 5_000;

    /// <summary>Journal batches dispatched at once; each cell still takes its reports in journal order.</summary>
    [Range(1, 64)]
    public int DispatchWindow { get; set; } = 4;

    /// <summary>
    /// Cells flushed at once at a checkpoint. Their writes are committed together (group commit), so more at once
    /// means fewer, larger transactions; journal appends take turns with them at the database. A cell's flush waits
    /// for four commits in a row (its cases' reporter links and state, its changed open case rows, its own state), so
    /// every wave of cells adds that wait. The default flushes the demo city's 2,918 cells in one wave: against three
    /// waves of 1,024 it halved the checkpoint and ended intake being held for it (see docs/benchmarks.md).
    /// </summary>
    [Range(1, 100_000)]
    public int FlushParallelism { get; set; } = 4_096;

    /// <summary>Journal entries not yet checkpointed at most; beyond it intake waits for a checkpoint (memory stays bounded).</summary>
    [Range(1_000, 10_000_000)]
    public int MaxUncheckpointed { get; set; } = 200_000;

    /// <summary>How long a unary call may wait for room in the queue before RESOURCE_EXHAUSTED.</summary>
    [Range(0, 60_000)]
    public int UnaryAdmissionTimeoutMilliseconds { get; set; } = 250;

    /// <summary>The retry delay suggested to refused unary callers.</summary>
    [Range(1, 600_000)]
    public int RetryAfterMilliseconds { get; set; } = 1_000;

    /// <summary>Name of this process's journal; gateways sharing a database each need their own.</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9-]{0,62}$")]
    public string JournalName { get; set; } = "embedded";
}
