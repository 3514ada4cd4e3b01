using System.Collections.Immutable;
using Governance.Contracts.Cases;

namespace Governance.Grains.Cases;

/// <summary>
/// Which departments' queues hold a case: those that owe its next move, as where it stands says. A step that changes
/// them takes the case out of the queues it leaves and puts it in (or updates it in) those it is in after.
/// </summary>
internal static class CaseHolders
{
    public static ImmutableArray<string> Of(CaseState state) => state.Status switch
    {
        // A welfare application's checks run in parallel: each department that has not decided holds it.
        CaseStatusKind.AwaitingApprovals => [.. state.Welfare?.Pending ?? []],
        CaseStatusKind.Dispatched or CaseStatusKind.Suspended
            or CaseStatusKind.Accepted or CaseStatusKind.UnderReview
            or CaseStatusKind.MediatingByGrid or CaseStatusKind.MediatingByCommunity or CaseStatusKind.MediatingByStreet
            or CaseStatusKind.FirstReview or CaseStatusKind.SecondReview
            or CaseStatusKind.Rectifying when state.Department.Length > 0 => [state.Department],
        _ => [],
    };
}
