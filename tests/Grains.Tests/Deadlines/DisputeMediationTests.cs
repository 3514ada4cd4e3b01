using Governance.Contracts;
using Governance.Contracts.Cases;
using Governance.Grains.Deadlines;
using Governance.Grains.Tests.Infrastructure;

namespace Governance.Grains.Tests.Deadlines;

/// <summary>
/// A dispute goes up a level of mediation when its level's time runs out (the demo rules: 3 days with the grid worker,
/// 15 with the community committee, 30 with the street centre), moving queues; at the top it is escalated as a late case is.
/// </summary>
[Collection(MovableClockClusterCollection.Name)]
public sealed class DisputeMediationTests(MovableClockClusterFixture fixture)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task ALevelWhoseTimeRunsOut_SendsTheDisputeUp_AndTheTopLevelIsEscalatedInstead()
    {
        var cell = fixture.Grains.Cell(fixture.City.Cells[^2].Code);
        var report = new IncomingReport($"dispute-{Guid.NewGuid():N}", ReportChannel.GridWorker, "dispute.noise-between-neighbours",
            "Two households argue over a late-night karaoke machine.", null, fixture.Clock.GetUtcNow(), "worker-3") { Kind = CaseKind.Dispute };
        var caseId = (await cell.ProcessAsync([report]))[0].CaseId;
        var dispute = fixture.Grains.Case(caseId);

        var taken = (await dispute.TransitionAsync(new CaseTransition(CaseAction.Mediate, "worker-3", "", "", "", []))).Case!;
        var inGrid = await QueuedInAsync(caseId);
        fixture.Clock.Advance(TimeSpan.FromDays(3) + Minute);
        await fixture.Watch.CheckAsync();
        var second = (await dispute.GetAsync())!;
        var inCommunity = await QueuedInAsync(caseId);
        fixture.Clock.Advance(TimeSpan.FromDays(15) + Minute);
        await fixture.Watch.CheckAsync();
        fixture.Clock.Advance(TimeSpan.FromDays(30) + Minute);
        await fixture.Watch.CheckAsync();
        var top = (await dispute.GetAsync())!;
        var referred = (await dispute.TransitionAsync(new CaseTransition(CaseAction.Refer, "street-5", "To the district people's court.", "", "", []))).Case!;

        Assert.Equal((CaseKind.Dispute, CaseStatusKind.MediatingByGrid, "grid-mediation"), (taken.Kind, taken.Status, taken.Department));
        Assert.Equal(TimeSpan.FromDays(3), taken.Deadline!.Limit);
        Assert.Equal(["grid-mediation"], inGrid);
        Assert.Equal((CaseStatusKind.MediatingByCommunity, "community-mediation", TimeSpan.FromDays(15)), (second.Status, second.Department, second.Deadline!.Limit));
        var up = second.History[^1];
        Assert.Equal((CaseAction.Escalate, DeadlineWatch.Actor), (up.Action, up.Actor));
        Assert.Contains("Not settled within 3d.", up.Note, StringComparison.Ordinal);
        Assert.Equal(["community-mediation"], inCommunity);
        Assert.Equal(CaseStatusKind.MediatingByStreet, top.Status);
        Assert.Equal(1, Assert.Single(top.History, e => e.EscalationLevel is not null).EscalationLevel);
        Assert.Equal(CaseStatusKind.Referred, referred.Status);
        Assert.Empty(await QueuedInAsync(caseId));
    }

    private Task<List<string>> QueuedInAsync(string caseId) => fixture.HoldersAsync(caseId, "grid-mediation", "community-mediation", "street-centre");
}
