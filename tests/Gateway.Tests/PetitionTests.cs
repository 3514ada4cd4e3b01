using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Grpc.Core;

namespace Governance.Gateway.Tests;

/// <summary>A petition (信访) over the API: opened by a report of that kind, carried to the petitioner's answer, refused off its path.</summary>
[Collection(DemoCityCollection.Name)]
public sealed class PetitionTests(DemoCityHostFixture fixture)
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task APetition_IsAccepted_RepliedToByItsDeadline_Reviewed_AndConcluded()
    {
        var caseId = await PetitionAsync();
        var received = (await Host.Cases.GetCaseAsync(new GetCaseRequest { CaseId = caseId })).Case;
        var register = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => StepAsync(caseId, CaseAction.Register));

        var accepted = await StepAsync(caseId, CaseAction.Accept);
        var queued = await QueueAsync();
        var replied = await StepAsync(caseId, CaseAction.Reply, reason: "The boundary was surveyed again; the fence stays where it is.");
        var afterReply = await QueueAsync();
        var review = await StepAsync(caseId, CaseAction.RequestReview, actor: "citizen-42", reason: "The survey used the old map.");
        await StepAsync(caseId, CaseAction.Reply, reason: "The survey was checked against the 2019 register; the reply stands.");
        var noApprover = await RpcAssert.InvalidField("approver", () => StepAsync(caseId, CaseAction.Conclude, reason: "not accepted"));
        var concluded = await StepAsync(caseId, CaseAction.Conclude, reason: "The petitioner did not accept the review.", approver: "office-head");

        Assert.Equal((CaseKind.Petition, CaseStatus.Received), (received.Kind, received.Status));
        Assert.Contains("Allowed: accept, decline.", register.Status.Detail, StringComparison.Ordinal);
        // The demo rules: petition.* goes to the letters and visits office, with 60 days to reply.
        Assert.Equal(("petition-office", DeadlineKind.Coordinated, TimeSpan.FromDays(60)),
            (accepted.Case.Department, accepted.Case.Deadline.Kind, accepted.Case.Deadline.Limit.ToTimeSpan()));
        Assert.StartsWith("Accepted for handling by petition-office.", accepted.Case.History[^1].Note, StringComparison.Ordinal);
        Assert.Contains(caseId, queued);
        Assert.Equal((CaseStatus.Replied, false), (replied.Case.Status, replied.Case.Deadline.HandledAt is null));
        Assert.DoesNotContain(caseId, afterReply);
        Assert.Equal((CaseStatus.UnderReview, false), (review.Case.Status, review.Case.Overdue));
        Assert.NotNull(review.Case.Deadline.DueAt);
        Assert.NotNull(noApprover);
        Assert.Equal(CaseStatus.Concluded, concluded.Case.Status);
        Assert.Empty(concluded.Allowed);
    }

    [Fact]
    public async Task APetition_NeverMergesIntoAnother_AndListsByItsKind()
    {
        var first = await PetitionAsync("petition.same-fence");
        var second = await PetitionAsync("petition.same-fence");
        await StepAsync(first, CaseAction.Accept);

        var listed = await Host.Cases.ListCasesAsync(new ListCasesRequest { Kind = CaseKind.Petition, Category = "petition.same-fence" });

        Assert.NotEqual(first, second);
        Assert.Contains(listed.Cases, c => c.CaseId == first && c.Kind == CaseKind.Petition);
    }

    [Fact]
    public async Task AReportOfAnUnknownKind_IsInvalidArgument()
    {
        var (cellId, _) = await CityProbe.FreshCellAsync(Host);
        var report = Reports.InCell(cellId);
        report.Kind = (CaseKind)9;

        await RpcAssert.InvalidField("kind", () => Host.Intake.ReportAsync(report).ResponseAsync);
    }

    private async Task<string> PetitionAsync(string category = "petition.land-boundary")
    {
        var (cellId, _) = await CityProbe.FreshCellAsync(Host);
        var report = Reports.InCell(cellId);
        (report.Kind, report.Category, report.Source) = (CaseKind.Petition, category, ReportSource.Hotline);
        return (await Host.Intake.ReportAsync(report)).CaseId;
    }

    private async Task<TransitionCaseResponse> StepAsync(
        string caseId, CaseAction action, string actor = "office-clerk", string reason = "", string approver = "") =>
        await Host.Cases.TransitionCaseAsync(new TransitionCaseRequest { CaseId = caseId, Action = action, Actor = actor, Reason = reason, Approver = approver });

    private async Task<List<string>> QueueAsync() =>
        [.. (await Host.Cases.GetDepartmentQueueAsync(new GetDepartmentQueueRequest { Department = "petition-office" })).Cases.Select(c => c.CaseId)];
}
