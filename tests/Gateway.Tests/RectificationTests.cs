using Google.Protobuf.WellKnownTypes;
using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;

namespace Governance.Gateway.Tests;

/// <summary>A rectification task (整改) over the API: assigned with a responsible person and deadline, reported on, done, confirmed.</summary>
[Collection(DemoCityCollection.Name)]
public sealed class RectificationTests(DemoCityHostFixture fixture)
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task ATask_IsAssigned_ReportedOnMonthly_AndConfirmedDone()
    {
        var caseId = await ListAsync();
        var dueBy = DateTimeOffset.UtcNow.AddDays(30);

        var assigned = await StepAsync(caseId, CaseAction.Assign, new TransitionCaseRequest
        {
            Responsible = "director-li", DueBy = Timestamp.FromDateTimeOffset(dueBy), Department = "environment", Reason = "The inspection named the sanitation bureau.",
        });
        var queued = await Host.Cases.GetDepartmentQueueAsync(new GetDepartmentQueueRequest { Department = "environment" });
        var reported = await StepAsync(caseId, CaseAction.ReportProgress, new TransitionCaseRequest { Reason = "Three of five markets cleaned." });
        var done = await StepAsync(caseId, CaseAction.Complete, new TransitionCaseRequest { Reason = "All five markets cleaned; bins replaced." });
        var confirmed = await StepAsync(caseId, CaseAction.Confirm, new TransitionCaseRequest { Actor = "inspector-3" });

        Assert.Equal((CaseKind.Rectification, CaseStatus.Rectifying, "environment"), (assigned.Case.Kind, assigned.Case.Status, assigned.Case.Department));
        Assert.Equal("director-li", assigned.Case.Rectification.Responsible);
        Assert.Equal(dueBy.ToUnixTimeSeconds(), assigned.Case.Deadline.DueAt.ToDateTimeOffset().ToUnixTimeSeconds());
        Assert.Contains(queued.Cases, c => c.CaseId == caseId);
        Assert.Equal(1, reported.Case.Rectification.ProgressReports);
        Assert.Equal(reported.Case.History[^1].At, reported.Case.Rectification.LastReportAt);
        Assert.Equal(reported.Case.History[^1].At.ToDateTimeOffset().AddMonths(1), reported.Case.Rectification.NextReportDue.ToDateTimeOffset());
        Assert.False(reported.Case.Rectification.ReportOverdue);
        Assert.Equal((CaseStatus.RectificationSubmitted, false), (done.Case.Status, done.Case.Overdue));
        Assert.Equal([CaseAction.Confirm, CaseAction.Reopen], done.Allowed);
        Assert.Equal(CaseStatus.Rectified, confirmed.Case.Status);
    }

    [Fact]
    public async Task AnAssignment_WithoutAResponsiblePerson_OrADeadlineOnAnotherStep_IsInvalidArgument()
    {
        var caseId = await ListAsync();

        var nobody = await RpcAssert.InvalidField("responsible", () => StepAsync(caseId, CaseAction.Assign, new TransitionCaseRequest()));
        var past = await RpcAssert.InvalidField("due_by", () => StepAsync(caseId, CaseAction.Assign, new TransitionCaseRequest
        {
            Responsible = "director-li", DueBy = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-2)),
        }));
        await StepAsync(caseId, CaseAction.Assign, new TransitionCaseRequest { Responsible = "director-li" });
        var deadlineElsewhere = await RpcAssert.InvalidField("due_by", () => StepAsync(caseId, CaseAction.ReportProgress, new TransitionCaseRequest
        {
            Reason = "Half done.", DueBy = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(90)),
        }));
        var noWords = await RpcAssert.InvalidField("reason", () => StepAsync(caseId, CaseAction.ReportProgress, new TransitionCaseRequest()));

        Assert.Contains("required", nobody.Description, StringComparison.Ordinal);
        Assert.Contains("has passed", past.Description, StringComparison.Ordinal);
        Assert.Contains("only assign takes a deadline", deadlineElsewhere.Description, StringComparison.Ordinal);
        Assert.NotNull(noWords);
        Assert.Equal(2, (await Host.Cases.GetCaseAsync(new GetCaseRequest { CaseId = caseId })).Case.History.Count);
    }

    private async Task<string> ListAsync()
    {
        var (cellId, _) = await CityProbe.FreshCellAsync(Host);
        var report = Reports.InCell(cellId);
        (report.Kind, report.Category, report.ReporterId) = (CaseKind.Rectification, "rectification.market-hygiene", "inspection-team-2");
        return (await Host.Intake.ReportAsync(report)).CaseId;
    }

    private async Task<TransitionCaseResponse> StepAsync(string caseId, CaseAction action, TransitionCaseRequest fields)
    {
        fields.CaseId = caseId;
        fields.Action = action;
        fields.Actor = fields.Actor.Length > 0 ? fields.Actor : "supervisor-1";
        return await Host.Cases.TransitionCaseAsync(fields);
    }
}
