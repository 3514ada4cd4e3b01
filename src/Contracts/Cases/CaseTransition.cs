using System.Collections.Immutable;

namespace Governance.Contracts.Cases;

/// <summary>One step asked of a case, with everything its audit entry records.</summary>
/// <param name="Action">The step.</param>
/// <param name="Actor">Who takes it.</param>
/// <param name="Reason">Why, in words; required by some steps.</param>
/// <param name="Approver">Who approved it; required by postpone, suspend and return.</param>
/// <param name="Department">The department a dispatch sends the case to; empty for the one its category is routed to.</param>
/// <param name="Evidence">Links to photos or documents that back the step.</param>
[GenerateSerializer, Immutable, Alias("CaseTransition")]
public sealed record class CaseTransition(
    [property: Id(0)] CaseAction Action,
    [property: Id(1)] string Actor,
    [property: Id(2)] string Reason,
    [property: Id(3)] string Approver,
    [property: Id(4)] string Department,
    [property: Id(5)] ImmutableArray<string> Evidence);

/// <summary>What became of a step asked of a case.</summary>
/// <param name="Kind">Taken, refused, or no such case.</param>
/// <param name="Case">The case after the step (or as it stands, when refused); null when there is no such case.</param>
/// <param name="Refusal">Why the step was refused: what is missing, or which steps the current status allows.</param>
/// <param name="Allowed">The steps the case's status allows now.</param>
[GenerateSerializer, Immutable, Alias("CaseTransitionResult")]
public sealed record class CaseTransitionResult(
    [property: Id(0)] CaseTransitionOutcome Kind,
    [property: Id(1)] CaseDetails? Case,
    [property: Id(2)] string Refusal,
    [property: Id(3)] ImmutableArray<CaseAction> Allowed)
{
    /// <summary>For <see cref="CaseTransitionOutcome.Invalid"/>: the field of the step that is wrong.</summary>
    [Id(4)]
    public string Field { get; init; } = "";
}

/// <summary>Whether a step was taken.</summary>
[GenerateSerializer, Alias("CaseTransitionOutcome")]
public enum CaseTransitionOutcome
{
    /// <summary>The step was taken and recorded.</summary>
    Taken = 1,

    /// <summary>The case's status does not allow the step; nothing changed.</summary>
    NotAllowed = 2,

    /// <summary>There is no case with this id.</summary>
    NotFound = 3,

    /// <summary>A field of the step is wrong for this case (<see cref="CaseTransitionResult.Field"/>); nothing changed.</summary>
    Invalid = 4,
}
