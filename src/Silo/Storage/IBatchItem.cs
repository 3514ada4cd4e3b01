namespace Governance.Silo.Storage;

/// <summary>An item of a <see cref="BatchingQueue{T}"/>: its caller waits for an answer that a failure must also give.</summary>
internal interface IBatchItem
{
    /// <summary>Answers the caller with <paramref name="error"/>, unless it was answered already.</summary>
    void Fail(Exception error);
}
