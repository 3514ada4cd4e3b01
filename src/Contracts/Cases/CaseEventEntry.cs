using System.Collections.Immutable;

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
    [property: Id(3)] string Note)
{
    /// <summary>The step taken, or null for an entry that is not a step (the report, a note).</summary>
    [Id(4)]
    public CaseAction? Action { get; init; }

    /// <summary>Who approved the step, when it needs an approver.</summary>
    [Id(5)]
    public string? Approver { get; init; }

    /// <summary>The department a dispatch sent the case to.</summary>
    [Id(6)]
    public string? Department { get; init; }

    /// <summary>Links to the evidence given with the step.</summary>
    [Id(7)]
    public ImmutableArray<string> Evidence { get; init; } = [];

    /// <summary>For an escalation of an overdue case: the level it reached (1 when it fell due).</summary>
    [Id(8)]
    public int? EscalationLevel { get; init; }

    /// <summary>For a dispatch, a rework, a postponement or a resumption: when the case is due after it.</summary>
    [Id(9)]
    public DateTimeOffset? DueAt { get; init; }
}
