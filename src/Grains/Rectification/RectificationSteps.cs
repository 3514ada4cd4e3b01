using Governance.Contracts.Cases;
using Governance.Contracts.Deadlines;
using Governance.Contracts.Rectification;
using Governance.Grains.Cases;
using Governance.Grains.Deadlines;
using Governance.Grains.Routing;

namespace Governance.Grains.Rectification;

/// <summary>
/// A rectification task's steps: assigned to a responsible person with a deadline (the assignment's, or the category's
/// limit), reported on monthly, reported done (which stops the clock) and confirmed or reopened against the same
/// deadline. Its clock escalates like any other once overdue; a postponement is the usual approved one.
/// </summary>
internal static class RectificationSteps
{
    public static (KindStep? Step, StepRefusal? Refusal) Decide(CaseState state, CaseTransition step, RoutingRules routing, DateTimeOffset now)
    {
        var file = state.Rectification ?? new RectificationFile();
        return step.Action switch
        {
            CaseAction.Assign => Assign(state, step, routing, now),
            CaseAction.ReportProgress => Progress(file with { ProgressReports = file.ProgressReports + 1, LastReportAt = now }),
            CaseAction.Complete => (new KindStep(CaseStatusKind.RectificationSubmitted, ClockEffect.Stop, null, null,
                "Reported done; waiting for the inspection to confirm it.") { Rectification = file }, null),
            CaseAction.Confirm => (new KindStep(CaseStatusKind.Rectified, ClockEffect.None, null, null, "Confirmed done by the inspection.") { Rectification = file }, null),
            CaseAction.Reopen => (new KindStep(CaseStatusKind.Rectifying, ClockEffect.Reopen, null, null,
                "Not confirmed: back to rectifying against the same deadline.") { Rectification = file }, null),
            _ => (null, null),
        };
    }

    private static (KindStep?, StepRefusal?) Assign(CaseState state, CaseTransition step, RoutingRules routing, DateTimeOffset now)
    {
        var responsible = step.Responsible.Trim();
        if (responsible.Length == 0)
        {
            return (null, StepRefusal.Invalid("responsible", "assign needs the person responsible for the rectification"));
        }

        var rule = routing.Deadline(state.Category);
        if (step.DueBy is { } due)
        {
            if (due <= now)
            {
                return (null, StepRefusal.Invalid("due_by", $"{DeadlineSteps.Time(due)} has passed; a rectification's deadline is a later time"));
            }

            rule = new DeadlineRule(rule.Kind, due - now);
        }

        // The department comes from the category's route, or the one the assignment names with a reason.
        return (new KindStep(CaseStatusKind.Rectifying, ClockEffect.Start, rule, null, null)
        {
            Routes = true,
            Rectification = new RectificationFile { Responsible = responsible, AssignedAt = now },
        }, null);
    }

    private static (KindStep?, StepRefusal?) Progress(RectificationFile after) =>
        (new KindStep(CaseStatusKind.Rectifying, ClockEffect.None, null, null, $"Progress report {after.ProgressReports}; the next is due by {DeadlineSteps.Time(after.NextReportDue)}.")
        {
            Rectification = after,
        }, null);
}
