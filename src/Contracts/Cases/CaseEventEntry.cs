namespace Governance.Contracts.Cases;

/// <summary>One entry of a case's audit trail.</summary>
/// <param name="At">Server time of the event.</param>
/// <param name="Status">The status after it.</param>
/// <param name="Actor">Who did it.</param>
/// <param name="Note">What happened and why.</param>
[GenerateSerializer, Immutable, Alias("CaseEventEntry")]
public sealed record class CaseEventEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] CaseStatusKind Status,
    [property: Id(2)] string Actor,
    [property: Id(3)] string Note);
