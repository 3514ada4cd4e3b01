namespace Governance.Contracts.Audit;

/// <summary>One read of a resident's full file (unmasked ID number, phones, health notes): who, in which role, how, when.</summary>
[GenerateSerializer, Immutable, Alias("ProfileRead")]
public sealed record class ProfileRead(
    [property: Id(0)] string ReaderId,
    [property: Id(1)] string ReaderName,
    [property: Id(2)] string ReaderRoles,
    [property: Id(3)] string ResidentId,
    [property: Id(4)] string Rpc,
    [property: Id(5)] DateTimeOffset At)
{
    /// <summary>The log's own number for the read, rising; 0 before it is logged.</summary>
    [Id(6)]
    public long Sequence { get; init; }
}

/// <summary>Which reads to list: of one resident, by one reader, or both; newest first, before a sequence number.</summary>
[GenerateSerializer, Immutable, Alias("ProfileReadQuery")]
public sealed record class ProfileReadQuery(
    [property: Id(0)] string ResidentId,
    [property: Id(1)] string ReaderId,
    [property: Id(2)] int Limit)
{
    /// <summary>The page before's last sequence number; null for the first page.</summary>
    [Id(3)]
    public long? BeforeSequence { get; init; }
}
