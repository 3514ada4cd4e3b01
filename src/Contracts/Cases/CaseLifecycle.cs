using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Governance.Contracts.Cases;

/// <summary>
/// The closed loop as a table: which steps each status allows and where each leads, and what each step must bring
/// (a reason, an approver). A case can only move along it, so no step of the loop can be skipped.
/// </summary>
public static class CaseLifecycle
{
    private static readonly FrozenDictionary<CaseStatusKind, FrozenDictionary<CaseAction, CaseStatusKind>> Steps =
        new Dictionary<CaseStatusKind, FrozenDictionary<CaseAction, CaseStatusKind>>
        {
            [CaseStatusKind.Reported] = From((CaseAction.Register, CaseStatusKind.Registered), (CaseAction.Reject, CaseStatusKind.Rejected)),
            [CaseStatusKind.Registered] = From((CaseAction.Dispatch, CaseStatusKind.Dispatched)),
            [CaseStatusKind.Dispatched] = From(
                (CaseAction.Handle, CaseStatusKind.Handled),
                (CaseAction.Postpone, CaseStatusKind.Dispatched),
                (CaseAction.Suspend, CaseStatusKind.Suspended),
                (CaseAction.Return, CaseStatusKind.Registered)),
            [CaseStatusKind.Suspended] = From((CaseAction.Resume, CaseStatusKind.Dispatched)),
            [CaseStatusKind.Handled] = From((CaseAction.Verify, CaseStatusKind.Verified), (CaseAction.Rework, CaseStatusKind.Dispatched)),
            [CaseStatusKind.Verified] = From((CaseAction.Close, CaseStatusKind.Closed)),
            [CaseStatusKind.Closed] = From((CaseAction.Evaluate, CaseStatusKind.Evaluated)),
            [CaseStatusKind.Rejected] = From(),
            [CaseStatusKind.Evaluated] = From(),

            // A petition's statuses are its own, so one table serves every kind: a status allows only its kind's steps.
            [CaseStatusKind.Received] = From((CaseAction.Accept, CaseStatusKind.Accepted), (CaseAction.Decline, CaseStatusKind.Declined)),
            [CaseStatusKind.Accepted] = From((CaseAction.Reply, CaseStatusKind.Replied)),
            [CaseStatusKind.Replied] = From((CaseAction.Acknowledge, CaseStatusKind.Resolved), (CaseAction.RequestReview, CaseStatusKind.UnderReview)),
            [CaseStatusKind.UnderReview] = From((CaseAction.Reply, CaseStatusKind.ReviewReplied)),
            [CaseStatusKind.ReviewReplied] = From((CaseAction.Acknowledge, CaseStatusKind.Resolved), (CaseAction.Conclude, CaseStatusKind.Concluded)),
            [CaseStatusKind.Declined] = From(),
            [CaseStatusKind.Resolved] = From(),
            [CaseStatusKind.Concluded] = From(),

            // A dispute climbs the three levels of mediation until an agreement, or a referral from the top.
            [CaseStatusKind.DisputeReported] = From((CaseAction.Mediate, CaseStatusKind.MediatingByGrid)),
            [CaseStatusKind.MediatingByGrid] = From((CaseAction.Agree, CaseStatusKind.Agreed), (CaseAction.Escalate, CaseStatusKind.MediatingByCommunity)),
            [CaseStatusKind.MediatingByCommunity] = From((CaseAction.Agree, CaseStatusKind.Agreed), (CaseAction.Escalate, CaseStatusKind.MediatingByStreet)),
            [CaseStatusKind.MediatingByStreet] = From((CaseAction.Agree, CaseStatusKind.Agreed), (CaseAction.Refer, CaseStatusKind.Referred)),
            [CaseStatusKind.Agreed] = From(),
            [CaseStatusKind.Referred] = From(),

            // A welfare application: documents, then the departments' checks in parallel (an approval that is not the
            // last keeps it waiting; the case moves on to the first review by itself), two reviews, a public notice.
            [CaseStatusKind.Applied] = From((CaseAction.SubmitDocuments, CaseStatusKind.Applied), (CaseAction.AcceptApplication, CaseStatusKind.AwaitingApprovals)),
            [CaseStatusKind.AwaitingApprovals] = From((CaseAction.Approve, CaseStatusKind.FirstReview), (CaseAction.Deny, CaseStatusKind.Refused)),
            [CaseStatusKind.FirstReview] = From((CaseAction.Approve, CaseStatusKind.SecondReview), (CaseAction.Deny, CaseStatusKind.Refused)),
            [CaseStatusKind.SecondReview] = From((CaseAction.Approve, CaseStatusKind.PublicNotice), (CaseAction.Deny, CaseStatusKind.Refused)),
            [CaseStatusKind.PublicNotice] = From((CaseAction.RaiseObjection, CaseStatusKind.SecondReview), (CaseAction.Disburse, CaseStatusKind.Granted)),
            [CaseStatusKind.Granted] = From(),
            [CaseStatusKind.Refused] = From(),

            // A rectification task: assigned, reported on monthly (and postponed with approval), done, confirmed.
            [CaseStatusKind.RectificationListed] = From((CaseAction.Assign, CaseStatusKind.Rectifying)),
            [CaseStatusKind.Rectifying] = From(
                (CaseAction.Postpone, CaseStatusKind.Rectifying),
                (CaseAction.ReportProgress, CaseStatusKind.Rectifying),
                (CaseAction.Complete, CaseStatusKind.RectificationSubmitted)),
            [CaseStatusKind.RectificationSubmitted] = From((CaseAction.Confirm, CaseStatusKind.Rectified), (CaseAction.Reopen, CaseStatusKind.Rectifying)),
            [CaseStatusKind.Rectified] = From(),
        }.ToFrozenDictionary();

    private static readonly FrozenSet<CaseAction> NeedReason = new[]
    {
        CaseAction.Reject, CaseAction.Rework, CaseAction.Postpone, CaseAction.Suspend, CaseAction.Return,
        CaseAction.Decline, CaseAction.Reply, CaseAction.RequestReview, CaseAction.Conclude,
        CaseAction.Agree, CaseAction.Escalate, CaseAction.Refer,
        CaseAction.Deny, CaseAction.RaiseObjection, CaseAction.ReportProgress, CaseAction.Complete, CaseAction.Reopen,
    }.ToFrozenSet();

    private static readonly FrozenSet<CaseAction> NeedApprover =
        new[] { CaseAction.Postpone, CaseAction.Suspend, CaseAction.Return, CaseAction.Conclude }.ToFrozenSet();

    /// <summary>Where a case of <paramref name="kind"/> starts.</summary>
    public static CaseStatusKind Initial(CaseKind kind) => kind switch
    {
        CaseKind.Petition => CaseStatusKind.Received,
        CaseKind.Dispute => CaseStatusKind.DisputeReported,
        CaseKind.Welfare => CaseStatusKind.Applied,
        CaseKind.Rectification => CaseStatusKind.RectificationListed,
        _ => CaseStatusKind.Reported,
    };

    /// <summary>A dispute's level of mediation in <paramref name="status"/>: 1 to 3, or 0 when it is not being mediated.</summary>
    public static int MediationLevel(CaseStatusKind status) => status switch
    {
        CaseStatusKind.MediatingByGrid => 1,
        CaseStatusKind.MediatingByCommunity => 2,
        CaseStatusKind.MediatingByStreet => 3,
        _ => 0,
    };

    /// <summary>The steps <paramref name="status"/> allows, in the order of the loop.</summary>
    public static ImmutableArray<CaseAction> Allowed(CaseStatusKind status) =>
        Steps.TryGetValue(status, out var steps) ? [.. steps.Keys.Order()] : [];

    /// <summary>Where <paramref name="action"/> leads from <paramref name="status"/>, or null when the status does not allow it.</summary>
    public static CaseStatusKind? Next(CaseStatusKind status, CaseAction action) =>
        Steps.TryGetValue(status, out var steps) && steps.TryGetValue(action, out var next) ? next : null;

    /// <summary>True while the case is being worked on: not rejected, closed or evaluated.</summary>
    public static bool IsOpen(CaseStatusKind status) => status is not (CaseStatusKind.Rejected or CaseStatusKind.Closed or CaseStatusKind.Evaluated
        or CaseStatusKind.Declined or CaseStatusKind.Resolved or CaseStatusKind.Concluded or CaseStatusKind.Agreed or CaseStatusKind.Referred
        or CaseStatusKind.Granted or CaseStatusKind.Refused or CaseStatusKind.Rectified);

    /// <summary>True for a status no step leads on from (rejected, evaluated).</summary>
    public static bool IsFinal(CaseStatusKind status) => Allowed(status).IsEmpty;

    /// <summary>
    /// What the step lacks, as (field, reason) pairs; empty when it brings everything it needs. Checked before the
    /// status, so a caller learns every missing field at once.
    /// </summary>
    public static ImmutableArray<(string Field, string Reason)> Missing(CaseTransition transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var missing = ImmutableArray.CreateBuilder<(string, string)>();
        if (string.IsNullOrWhiteSpace(transition.Actor))
        {
            missing.Add(("actor", "who takes the step is required"));
        }

        if (NeedReason.Contains(transition.Action) && string.IsNullOrWhiteSpace(transition.Reason))
        {
            missing.Add(("reason", $"{Name(transition.Action)} needs a reason"));
        }

        if (NeedApprover.Contains(transition.Action))
        {
            if (string.IsNullOrWhiteSpace(transition.Approver))
            {
                missing.Add(("approver", $"{Name(transition.Action)} needs an approver"));
            }
            else if (string.Equals(transition.Approver.Trim(), transition.Actor?.Trim(), StringComparison.Ordinal))
            {
                missing.Add(("approver", "the approver must be someone other than the actor"));
            }
        }

        return missing.ToImmutable();
    }

    /// <summary>The step's name as an API client sees it, e.g. "request_review".</summary>
    public static string Name(CaseAction action) => SnakeCase(action.ToString());

    /// <summary>The status's name in messages, e.g. "mediating_by_grid".</summary>
    public static string Name(CaseStatusKind status) => SnakeCase(status.ToString());

    // As the proto enums spell their values, lower case: RequestReview is request_review.
    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));

    private static FrozenDictionary<CaseAction, CaseStatusKind> From(params (CaseAction Action, CaseStatusKind Next)[] steps) =>
        steps.ToFrozenDictionary(step => step.Action, step => step.Next);
}
