namespace Governance.Contracts.Records;

/// <summary>What became of a create or an update of a record (a resident's file, a household).</summary>
[GenerateSerializer, Alias("RecordWriteOutcome")]
public enum RecordWriteOutcome
{
    /// <summary>Written and stored.</summary>
    Written = 1,

    /// <summary>A create found the id, or a unique value such as an ID number, taken; nothing changed.</summary>
    AlreadyExists = 2,

    /// <summary>The record, or one it names (a household), does not exist; nothing changed.</summary>
    NotFound = 3,

    /// <summary>The update was made to an older version than the stored one; nothing changed.</summary>
    Stale = 4,
}

/// <summary>The outcome of a write, and why it was refused: the field and the reason, for a client to show.</summary>
[GenerateSerializer, Immutable, Alias("RecordWriteResult")]
public sealed record class RecordWriteResult(
    [property: Id(0)] RecordWriteOutcome Outcome,
    [property: Id(1)] string Field,
    [property: Id(2)] string Reason)
{
    public static RecordWriteResult Written { get; } = new(RecordWriteOutcome.Written, "", "");
}
