using Governance.Contracts.Deadlines;

namespace Governance.Grains.Tests.Deadlines;

/// <summary>The handling clock on its own: due times, the stopped clock of a suspension, and the escalation levels.</summary>
public sealed class CaseDeadlineTests
{
    private static readonly DateTimeOffset Dispatched = new(2026, 7, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DeadlineRule ThreeDays = new(DeadlineKind.Committed, TimeSpan.FromDays(3));

    [Fact]
    public void Start_IsDueOneLimitAfterTheDispatch()
    {
        var deadline = CaseDeadline.Start(ThreeDays, Dispatched);

        Assert.Equal((Dispatched.AddDays(3), true, false), (deadline.DueAt, deadline.IsRunning, deadline.IsOverdue(Dispatched.AddDays(3))));
        Assert.True(deadline.IsOverdue(Dispatched.AddDays(3).AddTicks(1)));
    }

    [Fact]
    public void Escalation_OneLevelWhenDue_OneMoreEachFurtherLimit_UpToTheLevelsThereAre()
    {
        var deadline = CaseDeadline.Start(ThreeDays, Dispatched);

        Assert.Equal(
            [0, 1, 1, 2, 2],
            new[] { Dispatched.AddDays(3).AddTicks(-1), Dispatched.AddDays(3), Dispatched.AddDays(6).AddTicks(-1), Dispatched.AddDays(6), Dispatched.AddDays(60) }
                .Select(now => deadline.EscalationsDue(now, levels: 2)));
        Assert.Equal(Dispatched.AddDays(3), deadline.NextEscalationAt(2));
        Assert.Equal(Dispatched.AddDays(6), (deadline with { Escalations = 1 }).NextEscalationAt(2));
        Assert.Null((deadline with { Escalations = 2 }).NextEscalationAt(2));
    }

    [Fact]
    public void Suspension_KeepsTheTimeLeft_AndResumptionDuesItThatLongAfter()
    {
        var paused = CaseDeadline.Start(ThreeDays, Dispatched).Pause(Dispatched.AddDays(1));
        var resumed = paused.Resume(Dispatched.AddDays(10));

        Assert.Equal((null, TimeSpan.FromDays(2), false), (paused.DueAt, paused.Remaining, paused.IsRunning));
        Assert.Equal(0, paused.EscalationsDue(Dispatched.AddDays(30), 2));
        Assert.Equal((Dispatched.AddDays(12), (TimeSpan?)null), (resumed.DueAt, resumed.Remaining));
    }

    [Fact]
    public void ASuspensionWhenAlreadyOverdue_StaysOverdue()
    {
        var paused = CaseDeadline.Start(ThreeDays, Dispatched).Pause(Dispatched.AddDays(4));

        Assert.Equal(TimeSpan.FromDays(-1), paused.Remaining);
        Assert.True(paused.IsOverdue(Dispatched.AddDays(4)));
    }

    [Fact]
    public void Postponement_MovesTheDueTime_AndStartsEscalationOver()
    {
        var escalated = CaseDeadline.Start(ThreeDays, Dispatched) with { Escalations = 1 };

        var postponed = escalated.PostponeTo(Dispatched.AddDays(5));

        Assert.Equal((Dispatched.AddDays(5), 0), (postponed.DueAt, postponed.Escalations));
        // With no date named: one more limit from the due time, or from now once that has passed.
        Assert.Equal(Dispatched.AddDays(6), escalated.DefaultPostponement(Dispatched.AddDays(1)));
        Assert.Equal(Dispatched.AddDays(7), escalated.DefaultPostponement(Dispatched.AddDays(4)));
    }

    [Fact]
    public void Handling_StopsTheClockForGood_AndRecordsWhetherItWasLate()
    {
        var started = CaseDeadline.Start(ThreeDays, Dispatched);

        var onTime = started.Stop(Dispatched.AddDays(2));
        var late = started.Stop(Dispatched.AddDays(4));

        Assert.Equal((false, false, 0), (onTime.IsRunning, onTime.IsOverdue(Dispatched.AddDays(30)), onTime.EscalationsDue(Dispatched.AddDays(30), 2)));
        Assert.True(late.IsOverdue(Dispatched.AddDays(4)));
        Assert.Null(late.NextEscalationAt(2));
    }
}
