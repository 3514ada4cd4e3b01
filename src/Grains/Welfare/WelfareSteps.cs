using System.Collections.Immutable;
using Governance.Contracts.Cases;
using Governance.Contracts.Welfare;
using Governance.Grains.Cases;
using Governance.Grains.Deadlines;
using Governance.Grains.Routing;

namespace Governance.Grains.Welfare;

/// <summary>
/// A welfare application's steps, which depend on more than its status: every required document before acceptance,
/// the departments' checks in parallel (the last approval moves it on), reviewers who are two different people, and
/// disbursement only once the public notice has ended. A refusal says exactly what is missing or who refused and why.
/// </summary>
internal static class WelfareSteps
{
    public static (KindStep? Step, StepRefusal? Refusal) Decide(CaseState state, CaseTransition step, WelfareRules rules, DateTimeOffset now, string caseId)
    {
        var file = state.Welfare ?? new WelfareFile();
        var actor = step.Actor.Trim();
        return (step.Action, state.Status) switch
        {
            (CaseAction.SubmitDocuments, _) => Submit(file, step, rules, actor, now),
            (CaseAction.AcceptApplication, _) => Accept(file, rules, caseId),
            (CaseAction.Approve or CaseAction.Deny, CaseStatusKind.AwaitingApprovals) => Check(file, step, rules, now, caseId),
            (CaseAction.Approve, CaseStatusKind.FirstReview) => (new KindStep(CaseStatusKind.SecondReview, ClockEffect.Start, rules.SecondReview.Deadline,
                rules.SecondReview.Department, $"First review passed; to the second review by {rules.SecondReview.Department}.") { Welfare = file with { FirstReviewer = actor } }, null),
            (CaseAction.Deny, CaseStatusKind.FirstReview) => Refuse(file, "Refused at the first review."),
            (CaseAction.Approve or CaseAction.Deny, CaseStatusKind.SecondReview) when actor == file.FirstReviewer =>
                (null, StepRefusal.Invalid("actor", $"the second review must be by someone other than the first reviewer, {file.FirstReviewer}")),
            (CaseAction.Approve, CaseStatusKind.SecondReview) => Approve(file, rules, actor, now),
            (CaseAction.Deny, CaseStatusKind.SecondReview) => Refuse(file, "Refused at the second review."),
            (CaseAction.RaiseObjection, _) => (new KindStep(CaseStatusKind.SecondReview, ClockEffect.Start, rules.SecondReview.Deadline, rules.SecondReview.Department,
                $"Objection raised during the public notice; back to the second review by {rules.SecondReview.Department}.")
            {
                Welfare = file with { NoticeEndsAt = null, SecondReviewer = "" },
            }, null),
            (CaseAction.Disburse, _) when file.NoticeEndsAt is { } ends && now < ends =>
                (null, StepRefusal.NotAllowed($"Case {caseId} is on public notice until {DeadlineSteps.Time(ends)}; disburse is allowed once the notice has ended.")),
            (CaseAction.Disburse, _) => (new KindStep(CaseStatusKind.Granted, ClockEffect.None, null, null, "Disbursement begun.") { Welfare = file }, null),
            _ => (null, null),
        };
    }

    /// <summary>The application's file as a reader sees it: with the required documents it lacks under the current rules.</summary>
    public static WelfareFile AsRead(WelfareFile? file, WelfareRules rules)
    {
        file ??= new WelfareFile();
        return file with { Missing = Missing(file, rules) };
    }

    /// <summary>The required documents <paramref name="file"/> lacks, in the order the rules list them.</summary>
    public static ImmutableArray<DocumentKind> Missing(WelfareFile file, WelfareRules rules) =>
        [.. rules.RequiredDocuments.Where(kind => !file.Documents.Any(document => document.Kind == kind))];

    private static (KindStep?, StepRefusal?) Submit(WelfareFile file, CaseTransition step, WelfareRules rules, string actor, DateTimeOffset now)
    {
        if (step.Documents.IsDefaultOrEmpty)
        {
            return (null, StepRefusal.Invalid("documents", "submit_documents needs at least one document"));
        }

        var after = file with { Documents = [.. file.Documents, .. step.Documents.Select(d => new SubmittedDocument(d.Kind, d.Link.Trim(), actor, now))] };
        var missing = Missing(after, rules);
        var words = $"Documents received: {Names(step.Documents.Select(d => d.Kind).Distinct())}. "
            + (missing.IsEmpty ? "Every required document is in." : $"Still missing: {Names(missing)}.");
        return (new KindStep(CaseStatusKind.Applied, ClockEffect.None, null, null, words) { Welfare = after }, null);
    }

    private static (KindStep?, StepRefusal?) Accept(WelfareFile file, WelfareRules rules, string caseId)
    {
        if (Missing(file, rules) is { IsEmpty: false } missing)
        {
            return (null, StepRefusal.NotAllowed(
                $"Case {caseId} lacks required documents: {Names(missing)}. It can be accepted once they are submitted (submit_documents)."));
        }

        if (rules.Approvers.IsEmpty)
        {
            // No department checks configured: straight to the first review.
            return (new KindStep(CaseStatusKind.FirstReview, ClockEffect.Start, rules.FirstReview.Deadline, rules.FirstReview.Department,
                $"Accepted; to the first review by {rules.FirstReview.Department}.") { Welfare = file }, null);
        }

        var approvals = rules.Approvers.Select(department => new WelfareApproval(department, ApprovalDecision.Pending, "", null, ""));
        // The street office answers for the application while the departments check it; each of them holds it in its queue.
        return (new KindStep(CaseStatusKind.AwaitingApprovals, ClockEffect.Start, rules.ApprovalDeadline, rules.FirstReview.Department,
            $"Accepted; checked in parallel by {string.Join(", ", rules.Approvers)}.") { Welfare = file with { Approvals = [.. approvals] } }, null);
    }

    private static (KindStep?, StepRefusal?) Check(WelfareFile file, CaseTransition step, WelfareRules rules, DateTimeOffset now, string caseId)
    {
        var department = step.Department.Trim();
        var pending = string.Join(", ", file.Pending);
        var index = file.Approvals.Select(a => a.Department).ToList().IndexOf(department);
        if (index < 0)
        {
            return (null, StepRefusal.Invalid("department", department.Length == 0
                ? $"name the department whose check this is; pending: {pending}"
                : $"'{department}' does not check this application; pending: {pending}"));
        }

        var approval = file.Approvals[index];
        if (approval.Decision != ApprovalDecision.Pending)
        {
            return (null, StepRefusal.NotAllowed($"{department} has decided on case {caseId} already ({approval.Decision.ToString().ToLowerInvariant()}); pending: {pending}."));
        }

        var approved = step.Action == CaseAction.Approve;
        var decided = approval with
        {
            Decision = approved ? ApprovalDecision.Approved : ApprovalDecision.Denied,
            DecidedBy = step.Actor.Trim(),
            DecidedAt = now,
            Reason = step.Reason.Trim(),
        };
        var after = file with { Approvals = file.Approvals.SetItem(index, decided) };
        if (!approved)
        {
            return (new KindStep(CaseStatusKind.Refused, ClockEffect.Stop, null, null, $"Refused by {department}.") { Welfare = after }, null);
        }

        if (after.Pending.Any())
        {
            return (new KindStep(CaseStatusKind.AwaitingApprovals, ClockEffect.None, null, null,
                $"Approved by {department}; waiting for {string.Join(", ", after.Pending)}.") { Welfare = after }, null);
        }

        return (new KindStep(CaseStatusKind.FirstReview, ClockEffect.Start, rules.FirstReview.Deadline, rules.FirstReview.Department,
            $"Approved by {department}; every department approved: to the first review by {rules.FirstReview.Department}.") { Welfare = after }, null);
    }

    private static (KindStep?, StepRefusal?) Approve(WelfareFile file, WelfareRules rules, string actor, DateTimeOffset now)
    {
        var ends = now + rules.NoticePeriod;
        return (new KindStep(CaseStatusKind.PublicNotice, ClockEffect.Clear, null, null, $"Approved at the second review; on public notice until {DeadlineSteps.Time(ends)}.")
        {
            Welfare = file with { SecondReviewer = actor, NoticeEndsAt = ends },
        }, null);
    }

    private static (KindStep?, StepRefusal?) Refuse(WelfareFile file, string words) =>
        (new KindStep(CaseStatusKind.Refused, ClockEffect.Stop, null, null, words) { Welfare = file }, null);

    private static string Names(IEnumerable<DocumentKind> kinds) => string.Join(", ", kinds.Select(WelfareRules.Describe));
}
