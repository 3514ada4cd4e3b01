namespace Governance.Silo.Storage.LiveState;

/// <summary>What a write or clear does to one grain's row.</summary>
internal enum StateWriteKind
{
    /// <summary>The grain has no row yet (no ETag): insert version 1.</summary>
    Insert,

    /// <summary>Replace the payload of the version the grain read, making it the next version.</summary>
    Update,

    /// <summary>Remove the row of the version the grain read.</summary>
    Delete,
}

/// <summary>One grain's write, waiting for the group commit that carries it.</summary>
internal sealed class PendingStateWrite(StateWriteKind kind, string stateName, string grainId, long expectedVersion, byte[]? payload) : IBatchItem
{
    public StateWriteKind Kind { get; } = kind;

    public string StateName { get; } = stateName;

    public string GrainId { get; } = grainId;

    /// <summary>The version the grain read (its ETag); 0 for an insert.</summary>
    public long ExpectedVersion { get; } = expectedVersion;

    /// <summary>
    /// The state as UTF-8 JSON, serialized when the grain asked, so later changes in the grain are not written. Kept as
    /// bytes: a zone's or a cell's state runs to tens of kilobytes, and a string would be decoded only to be encoded again.
    /// </summary>
    public byte[]? Payload { get; } = payload;

    /// <summary>True once committed; false if the row had another version (the grain's copy is stale).</summary>
    public TaskCompletionSource<bool> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Fail(Exception error) => Outcome.TrySetException(error);
}
