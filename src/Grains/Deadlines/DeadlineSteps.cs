using System.Globalization;
using Governance.Contracts.Cases;
using Governance.Contracts.Deadlines;
using Governance.Grains.Routing;

namespace Governance.Grains.Deadlines;

/// <summary>
/// A case's handling clock through the steps (which step does what is <c>StepEffect</c>): started afresh, stopped for
/// good, paused for a suspension and resumed with the time that was left, moved by an approved postponement, cleared
/// when the case is returned to be sent again.
/// </summary>
public static class DeadlineSteps
{
    /// <summary>The clock after a step that does <paramref name="effect"/>, or the field that is wrong for it (a postponement's due time).</summary>
    internal static (CaseDeadline? Deadline, (string Field, string Reason)? Invalid) After(
        Cases.ClockEffect effect, CaseTransition transition, CaseDeadline? current, DeadlineRule rule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(transition);
        return effect switch
        {
            Cases.ClockEffect.Start => (CaseDeadline.Start(rule, now), null),
            Cases.ClockEffect.Pause => (current?.Pause(now), null),
            Cases.ClockEffect.Resume => (current?.Resume(now), null),
            Cases.ClockEffect.Stop => (current?.Stop(now), null),
            Cases.ClockEffect.Clear => (null, null),
            Cases.ClockEffect.Reopen => (current?.Reopen(), null),
            Cases.ClockEffect.Postpone => Postpone(transition.PostponeUntil, current ?? CaseDeadline.Start(rule, now), now),
            _ => (current, null),
        };
    }

    /// <summary>The words a step's audit entry adds about a new due time, e.g. " Due by 2026-12-06 09:00 UTC (committed, 5d)."</summary>
    public static string Describe(bool setsDueTime, CaseDeadline? deadline) =>
        setsDueTime && deadline?.DueAt is { } due
            ? $" Due by {Time(due)} ({RoutingRules.KindName(deadline.Kind)}, {DurationText.Format(deadline.Limit)})."
            : "";

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

    /// <summary>A time as audit notes and refusals write it, e.g. "2026-12-06 09:00 UTC".</summary>
    internal static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
