namespace Governance.Silo.Storage.LiveState;

/// <summary>One grain's read, waiting for the batch of reads that carries it.</summary>
internal sealed class PendingStateRead(string stateName, string grainId) : IBatchItem
{
    public string StateName { get; } = stateName;

    public string GrainId { get; } = grainId;

    /// <summary>The stored version and payload, null if the grain has no row, or the reason the read failed.</summary>
    public TaskCompletionSource<(long Version, BinaryData Payload)?> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Fail(Exception error) => Outcome.TrySetException(error);
}
