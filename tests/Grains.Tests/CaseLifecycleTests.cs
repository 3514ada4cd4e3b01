using Governance.Contracts.Cases;

namespace Governance.Grains.Tests;

public sealed class CaseLifecycleTests
{
    private static readonly CaseStatusKind[] Statuses = Enum.GetValues<CaseStatusKind>();

    [Fact]
    public void TheClosedLoop_RunsFromReportToEvaluation_OneStepAtATime()
    {
        var status = CaseStatusKind.Reported;
        foreach (var (action, expected) in new[]
        {
            (CaseAction.Register, CaseStatusKind.Registered), (CaseAction.Dispatch, CaseStatusKind.Dispatched),
            (CaseAction.Handle, CaseStatusKind.Handled), (CaseAction.Verify, CaseStatusKind.Verified),
            (CaseAction.Close, CaseStatusKind.Closed), (CaseAction.Evaluate, CaseStatusKind.Evaluated),
        })
        {
            status = CaseLifecycle.Next(status, action) ?? throw new Xunit.Sdk.XunitException($"{action} refused from {status}");
            Assert.Equal(expected, status);
        }

        Assert.True(CaseLifecycle.IsFinal(status));
    }

    [Theory]
    [InlineData(CaseStatusKind.Reported, CaseAction.Dispatch)]
    [InlineData(CaseStatusKind.Reported, CaseAction.Close)]
    [InlineData(CaseStatusKind.Registered, CaseAction.Handle)]
    [InlineData(CaseStatusKind.Dispatched, CaseAction.Verify)]
    [InlineData(CaseStatusKind.Dispatched, CaseAction.Close)]
    [InlineData(CaseStatusKind.Handled, CaseAction.Close)]
    [InlineData(CaseStatusKind.Suspended, CaseAction.Handle)]
    [InlineData(CaseStatusKind.Closed, CaseAction.Rework)]
    [InlineData(CaseStatusKind.Rejected, CaseAction.Register)]
    public void NoStepOfTheLoopCanBeSkipped(CaseStatusKind from, CaseAction action)
    {
        Assert.Null(CaseLifecycle.Next(from, action));
        Assert.DoesNotContain(action, CaseLifecycle.Allowed(from));
    }

    [Fact]
    public void TheSideSteps_LeadWhereTheLoopSays()
    {
        Assert.Equal(CaseStatusKind.Rejected, CaseLifecycle.Next(CaseStatusKind.Reported, CaseAction.Reject));
        Assert.Equal(CaseStatusKind.Dispatched, CaseLifecycle.Next(CaseStatusKind.Handled, CaseAction.Rework));
        Assert.Equal(CaseStatusKind.Dispatched, CaseLifecycle.Next(CaseStatusKind.Dispatched, CaseAction.Postpone));
        Assert.Equal(CaseStatusKind.Suspended, CaseLifecycle.Next(CaseStatusKind.Dispatched, CaseAction.Suspend));
        Assert.Equal(CaseStatusKind.Dispatched, CaseLifecycle.Next(CaseStatusKind.Suspended, CaseAction.Resume));
        Assert.Equal(CaseStatusKind.Registered, CaseLifecycle.Next(CaseStatusKind.Dispatched, CaseAction.Return));
    }

    [Fact]
    public void EveryStatusButTheEnds_AllowsSomeStep_AndEveryStepIsAllowedSomewhere()
    {
        Assert.Equal(
            [CaseStatusKind.Rejected, CaseStatusKind.Evaluated, CaseStatusKind.Declined, CaseStatusKind.Resolved, CaseStatusKind.Concluded,
                CaseStatusKind.Agreed, CaseStatusKind.Referred, CaseStatusKind.Granted, CaseStatusKind.Refused, CaseStatusKind.Rectified],
            Statuses.Where(CaseLifecycle.IsFinal));
        Assert.All(Enum.GetValues<CaseAction>(), action => Assert.Contains(Statuses, status => CaseLifecycle.Next(status, action) is not null));
        Assert.Equal([CaseAction.Handle, CaseAction.Postpone, CaseAction.Suspend, CaseAction.Return], CaseLifecycle.Allowed(CaseStatusKind.Dispatched).ToArray());
    }

    [Fact]
    public void AStepThatNeedsAReasonOrApprover_SaysWhichFieldIsMissing()
    {
        Assert.Equal([("reason", "reject needs a reason")], CaseLifecycle.Missing(Step(CaseAction.Reject)).ToArray());
        Assert.Equal(
            [("reason", "postpone needs a reason"), ("approver", "postpone needs an approver")],
            CaseLifecycle.Missing(Step(CaseAction.Postpone)).ToArray());
        Assert.Equal(
            [("approver", "the approver must be someone other than the actor")],
            CaseLifecycle.Missing(Step(CaseAction.Suspend) with { Reason = "flooded street", Approver = "dispatcher-1" }).ToArray());
        Assert.Empty(CaseLifecycle.Missing(Step(CaseAction.Dispatch)));
        Assert.Equal([("actor", "who takes the step is required")], CaseLifecycle.Missing(Step(CaseAction.Register) with { Actor = " " }).ToArray());
        Assert.Empty(CaseLifecycle.Missing(Step(CaseAction.Register)));
        Assert.Empty(CaseLifecycle.Missing(Step(CaseAction.Return) with { Reason = "not ours: a private road", Approver = "chief-2" }));
    }

    [Fact]
    public void APetition_IsAcceptedRepliedAndAcknowledged_OrReviewedOnceThenConcluded()
    {
        Assert.Equal(CaseStatusKind.Received, CaseLifecycle.Initial(CaseKind.Petition));
        Assert.Equal(CaseStatusKind.Reported, CaseLifecycle.Initial(CaseKind.Incident));
        Assert.Equal([CaseAction.Accept, CaseAction.Decline], CaseLifecycle.Allowed(CaseStatusKind.Received).ToArray());
        Assert.Equal(CaseStatusKind.Resolved, Walk(CaseAction.Accept, CaseAction.Reply, CaseAction.Acknowledge));
        Assert.Equal(CaseStatusKind.Concluded, Walk(CaseAction.Accept, CaseAction.Reply, CaseAction.RequestReview, CaseAction.Reply, CaseAction.Conclude));
        Assert.Equal(CaseStatusKind.Resolved, Walk(CaseAction.Accept, CaseAction.Reply, CaseAction.RequestReview, CaseAction.Reply, CaseAction.Acknowledge));
        // One review only; and no incident step applies to a petition, nor the other way round.
        Assert.Null(CaseLifecycle.Next(CaseStatusKind.ReviewReplied, CaseAction.RequestReview));
        Assert.Null(CaseLifecycle.Next(CaseStatusKind.Received, CaseAction.Register));
        Assert.Null(CaseLifecycle.Next(CaseStatusKind.Reported, CaseAction.Accept));
        Assert.Equal(
            [("reason", "conclude needs a reason"), ("approver", "conclude needs an approver")],
            CaseLifecycle.Missing(Step(CaseAction.Conclude)).ToArray());
        Assert.Equal([("reason", "reply needs a reason")], CaseLifecycle.Missing(Step(CaseAction.Reply)).ToArray());
    }

    [Fact]
    public void ADispute_ClimbsThreeLevelsOfMediation_ToAnAgreementOrAReferral()
    {
        Assert.Equal(CaseStatusKind.DisputeReported, CaseLifecycle.Initial(CaseKind.Dispute));
        Assert.Equal(CaseStatusKind.Agreed, Walk(CaseStatusKind.DisputeReported, CaseAction.Mediate, CaseAction.Agree));
        Assert.Equal(CaseStatusKind.Referred, Walk(CaseStatusKind.DisputeReported, CaseAction.Mediate, CaseAction.Escalate, CaseAction.Escalate, CaseAction.Refer));
        Assert.Equal([1, 2, 3], new[] { CaseStatusKind.MediatingByGrid, CaseStatusKind.MediatingByCommunity, CaseStatusKind.MediatingByStreet }
            .Select(CaseLifecycle.MediationLevel));
        // Only the street centre refers; it cannot escalate further.
        Assert.Null(CaseLifecycle.Next(CaseStatusKind.MediatingByGrid, CaseAction.Refer));
        Assert.Null(CaseLifecycle.Next(CaseStatusKind.MediatingByStreet, CaseAction.Escalate));
        Assert.Equal([("reason", "agree needs a reason")], CaseLifecycle.Missing(Step(CaseAction.Agree)).ToArray());
    }

    private static CaseStatusKind Walk(params CaseAction[] actions) => Walk(CaseStatusKind.Received, actions);

    private static CaseStatusKind Walk(CaseStatusKind from, params CaseAction[] actions) =>
        actions.Aggregate(from, (status, action) =>
            CaseLifecycle.Next(status, action) ?? throw new Xunit.Sdk.XunitException($"{action} refused from {status}"));

    [Theory]
    [InlineData(CaseStatusKind.Received, true)]
    [InlineData(CaseStatusKind.UnderReview, true)]
    [InlineData(CaseStatusKind.Resolved, false)]
    [InlineData(CaseStatusKind.Declined, false)]
    [InlineData(CaseStatusKind.Reported, true)]
    [InlineData(CaseStatusKind.Suspended, true)]
    [InlineData(CaseStatusKind.Verified, true)]
    [InlineData(CaseStatusKind.Rejected, false)]
    [InlineData(CaseStatusKind.Closed, false)]
    [InlineData(CaseStatusKind.Evaluated, false)]
    public void ACaseIsOpen_UntilRejectedOrClosed(CaseStatusKind status, bool open)
    {
        Assert.Equal(open, CaseLifecycle.IsOpen(status));
    }

    private static CaseTransition Step(CaseAction action) => new(action, "dispatcher-1", "", "", "", []);
}
