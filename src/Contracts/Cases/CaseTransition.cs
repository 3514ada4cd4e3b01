using System.Collections.Immutable;
using Governance.Contracts.Welfare;

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
    [property: Id(5)] ImmutableArray<string> Evidence)
{
    /// <summary>For a postponement: the new due time; null for one more handling limit.</summary>
    [Id(6)]
    public DateTimeOffset? PostponeUntil { get; init; }

    /// <summary>For submit_documents: the documents handed in.</summary>
    [Id(7)]
    public ImmutableArray<CaseDocument> Documents { get; init; } = [];

    /// <summary>For an assignment: the person who answers for the rectification.</summary>
    [Id(8)]
    public string Responsible { get; init; } = "";

    /// <summary>For an assignment: the rectification's deadline; null for its category's limit.</summary>
    [Id(9)]
    public DateTimeOffset? DueBy { get; init; }
}

/// <summary>What became of a change asked of a case: a step of its lifecycle, or a reporter's rating.</summary>
/// <param name="Kind">Taken, refused, or no such case.</param>
/// <param name="Case">The case after the change; null when nothing changed.</param>
/// <param name="Refusal">Why the change was refused: what is wrong, or which steps the current status allows.</param>
/// <param name="Allowed">The steps the case's status allows now.</param>
[GenerateSerializer, Immutable, Alias("CaseChangeResult")]
public sealed record class CaseChangeResult(
    [property: Id(0)] CaseChangeOutcome Kind,
    [property: Id(1)] CaseDetails? Case,
    [property: Id(2)] string Refusal,
    [property: Id(3)] ImmutableArray<CaseAction> Allowed)
{
    /// <summary>For <see cref="CaseChangeOutcome.Invalid"/>: the field that is wrong.</summary>
    [Id(4)]
    public string Field { get; init; } = "";
}

/// <summary>Whether a change was made.</summary>
[GenerateSerializer, Alias("CaseChangeOutcome")]
public enum CaseChangeOutcome
{
    /// <summary>The change was made and recorded.</summary>
    Taken = 1,

    /// <summary>The case's status does not allow it (or the reporter has rated already); nothing changed.</summary>
    NotAllowed = 2,

    /// <summary>There is no case with this id.</summary>
    NotFound = 3,

    /// <summary>A field is wrong for this case (<see cref="CaseChangeResult.Field"/>); nothing changed.</summary>
    Invalid = 4,
}
