using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Grpc.Core;

namespace Governance.Gateway.Tests;

/// <summary>A dispute over the API: taken up by its grid worker, sent up a level by hand, settled by a recorded agreement.</summary>
[Collection(DemoCityCollection.Name)]
public sealed class DisputeTests(DemoCityHostFixture fixture)
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task ADispute_IsMediated_SentUpALevel_AndSettledByAnAgreement()
    {
        var (cellId, _) = await CityProbe.FreshCellAsync(Host);
        var report = Reports.InCell(cellId);
        (report.Kind, report.Category) = (CaseKind.Dispute, "dispute.parking-space");
        var caseId = (await Host.Intake.ReportAsync(report)).CaseId;

        var taken = await StepAsync(caseId, CaseAction.Mediate, "worker-7");
        var refer = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => StepAsync(caseId, CaseAction.Refer, "worker-7", "court"));
        var noReason = await RpcAssert.InvalidField("reason", () => StepAsync(caseId, CaseAction.Escalate, "worker-7"));
        var up = await StepAsync(caseId, CaseAction.Escalate, "worker-7", "Neither side would move.");
        var agreed = await StepAsync(caseId, CaseAction.Agree, "mediator-2", "The space goes to unit 3 on weekdays and unit 5 at weekends.");

        Assert.Equal((CaseKind.Dispute, CaseStatus.MediatingByGrid, "grid-mediation"), (taken.Case.Kind, taken.Case.Status, taken.Case.Department));
        Assert.Contains("Allowed: agree, escalate.", refer.Status.Detail, StringComparison.Ordinal);
        Assert.NotNull(noReason);
        Assert.Equal((CaseStatus.MediatingByCommunity, "community-mediation"), (up.Case.Status, up.Case.Department));
        Assert.Equal(TimeSpan.FromDays(15), up.Case.Deadline.Limit.ToTimeSpan());
        Assert.Equal(CaseStatus.Agreed, agreed.Case.Status);
        Assert.Contains("unit 3 on weekdays", agreed.Case.History[^1].Note, StringComparison.Ordinal);
        Assert.Empty(agreed.Allowed);
    }

    private async Task<TransitionCaseResponse> StepAsync(string caseId, CaseAction action, string actor, string reason = "") =>
        await Host.Cases.TransitionCaseAsync(new TransitionCaseRequest { CaseId = caseId, Action = action, Actor = actor, Reason = reason });
}
