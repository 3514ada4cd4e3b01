namespace Governance.Silo.Storage.LiveState;

/// <summary>One grain's read, waiting for the batch of reads that carries it.</summary>
internal sealed class PendingStateRead(string stateName, string grainId)
{
    public string StateName { get; } = stateName;

    public string GrainId { get; } = grainId;

    /// <summary>The stored version and payload, or null if the grain has no row; set by the reader before completion.</summary>
    public (long Version, string Payload)? Found { get; set; }

    /// <summary>Completes once <see cref="Found"/> is set, or with the reason the read failed.</summary>
    public TaskCompletionSource Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
