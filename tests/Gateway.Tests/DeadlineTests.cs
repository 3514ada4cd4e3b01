using Google.Protobuf.WellKnownTypes;
using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;

namespace Governance.Gateway.Tests;

/// <summary>A dispatched case's handling clock over the API: its deadline in the case and the queue, and postponements.</summary>
[Collection(DemoCityCollection.Name)]
public sealed class DeadlineTests(DemoCityHostFixture fixture)
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task ADispatch_GivesTheCaseItsCategorysDeadline_ShownInTheCaseAndTheQueue()
    {
        var caseId = await DispatchedAsync("sanitation.overflowing-bin");

        var found = (await Host.Cases.GetCaseAsync(new GetCaseRequest { CaseId = caseId })).Case;
        var queued = (await Host.Cases.GetDepartmentQueueAsync(new GetDepartmentQueueRequest { Department = "environment" })).Cases.Single(c => c.CaseId == caseId);

        // The demo rules: sanitation.* is the environment department's, committed, within a day.
        var deadline = found.Deadline;
        Assert.Equal((DeadlineKind.Committed, TimeSpan.FromDays(1)), (deadline.Kind, deadline.Limit.ToTimeSpan()));
        Assert.Equal(found.History[^1].At.ToDateTimeOffset().AddDays(1), deadline.DueAt.ToDateTimeOffset());
        Assert.Equal(deadline.DueAt, found.History[^1].DueAt);
        Assert.Equal((false, 0), (found.Overdue, deadline.EscalationLevel));
        Assert.Equal(deadline, queued.Deadline);
        Assert.False(queued.Overdue);
    }

    [Fact]
    public async Task APostponement_ToANamedTime_MovesTheDueTime()
    {
        var caseId = await DispatchedAsync("sanitation.overflowing-bin");
        var until = DateTimeOffset.UtcNow.AddDays(4);

        var postponed = await Host.Cases.TransitionCaseAsync(new TransitionCaseRequest
        {
            CaseId = caseId, Action = CaseAction.Postpone, Actor = "sanitation-2", Reason = "the truck is in repair", Approver = "sanitation-chief",
            PostponeUntil = Timestamp.FromDateTimeOffset(until),
        });

        Assert.Equal(Timestamp.FromDateTimeOffset(until), postponed.Case.Deadline.DueAt);
        Assert.Contains("Due by", postponed.Case.History[^1].Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APostponeUntil_OnAnotherStep_OrInThePast_OrMalformed_IsInvalidArgument_AndChangesNothing()
    {
        var caseId = await DispatchedAsync("sanitation.overflowing-bin");
        TransitionCaseRequest Postpone(Timestamp until, CaseAction action = CaseAction.Postpone) => new()
        {
            CaseId = caseId, Action = action, Actor = "sanitation-2", Reason = "rain", Approver = "sanitation-chief", PostponeUntil = until,
        };

        await RpcAssert.InvalidField("postpone_until", () => Host.Cases.TransitionCaseAsync(Postpone(Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(3)), CaseAction.Suspend)).ResponseAsync);
        await RpcAssert.InvalidField("postpone_until", () => Host.Cases.TransitionCaseAsync(Postpone(Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(-1)))).ResponseAsync);
        await RpcAssert.InvalidField("postpone_until", () => Host.Cases.TransitionCaseAsync(Postpone(new Timestamp { Seconds = 1, Nanos = -5 })).ResponseAsync);

        var after = (await Host.Cases.GetCaseAsync(new GetCaseRequest { CaseId = caseId })).Case;
        Assert.Equal((CaseStatus.Dispatched, CaseAction.Dispatch), (after.Status, after.History[^1].Action));
    }

    private async Task<string> DispatchedAsync(string category)
    {
        var (cellId, _) = await CityProbe.FreshCellAsync(Host);
        var report = Reports.InCell(cellId);
        report.Category = category;
        var caseId = (await Host.Intake.ReportAsync(report)).CaseId;
        foreach (var action in new[] { CaseAction.Register, CaseAction.Dispatch })
        {
            await Host.Cases.TransitionCaseAsync(new TransitionCaseRequest { CaseId = caseId, Action = action, Actor = "dispatcher-1" });
        }

        return caseId;
    }
}
