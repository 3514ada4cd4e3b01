using System.Globalization;
using Governance.Contracts.Cases;
using Governance.Contracts.Deadlines;
using Governance.Grains.Routing;

namespace Governance.Grains.Deadlines;

/// <summary>
/// What each step of the loop does to a case's handling clock: a dispatch or a rework (a petition's acceptance or
/// review) starts it afresh, a reply to a petition stops it as handling an incident does, a suspension
/// stops it and a resumption restarts it with the time that was left, a postponement moves its due time, handling stops
/// it for good, and a return to be dispatched again clears it.
/// </summary>
public static class DeadlineSteps
{
    /// <summary>The clock after <paramref name="transition"/>, or the field that is wrong for it (a postponement's due time).</summary>
    public static (CaseDeadline? Deadline, (string Field, string Reason)? Invalid) After(
        CaseTransition transition, CaseDeadline? current, DeadlineRule rule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(transition);
        return transition.Action switch
        {
            CaseAction.Dispatch or CaseAction.Rework or CaseAction.Accept or CaseAction.RequestReview or CaseAction.Mediate or CaseAction.Escalate =>
                (CaseDeadline.Start(rule, now), null),
            CaseAction.Suspend => (current?.Pause(now), null),
            CaseAction.Resume => (current?.Resume(now), null),
            CaseAction.Handle or CaseAction.Reply or CaseAction.Agree or CaseAction.Refer => (current?.Stop(now), null),
            CaseAction.Return => (null, null),
            CaseAction.Postpone => Postpone(transition.PostponeUntil, current ?? CaseDeadline.Start(rule, now), now),
            _ => (current, null),
        };
    }

    /// <summary>The words a step's audit entry adds about the clock, e.g. " Due by 2026-12-06 09:00 UTC (committed, 5d)."</summary>
    public static string Describe(CaseAction action, CaseDeadline? deadline) =>
        SetsDueTime(action) && deadline?.DueAt is { } due
            ? $" Due by {Time(due)} ({RoutingRules.KindName(deadline.Kind)}, {DurationText.Format(deadline.Limit)})."
            : "";

    /// <summary>True for the steps after which the case has a new due time: its audit entry records it.</summary>
    public static bool SetsDueTime(CaseAction action) =>
        action is CaseAction.Dispatch or CaseAction.Rework or CaseAction.Postpone or CaseAction.Resume or CaseAction.Accept or CaseAction.RequestReview
            or CaseAction.Mediate or CaseAction.Escalate;

    /// <summary>An escalation's audit note.</summary>
    public static string DescribeEscalation(CaseDeadline deadline, string escalatedTo) =>
        $"Overdue since {Time(deadline.DueAt!.Value)} ({RoutingRules.KindName(deadline.Kind)}, {DurationText.Format(deadline.Limit)}): escalated to {escalatedTo}.";

    private static (CaseDeadline?, (string, string)?) Postpone(DateTimeOffset? until, CaseDeadline current, DateTimeOffset now)
    {
        var due = until ?? current.DefaultPostponement(now);
        if (due <= now)
        {
            return (null, ("postpone_until", $"{Time(due)} has passed; a postponement gives a later due time"));
        }

        if (current.DueAt is { } was && due <= was)
        {
            return (null, ("postpone_until", $"{Time(due)} is not after the current due time, {Time(was)}"));
        }

        return (current.PostponeTo(due), null);
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
