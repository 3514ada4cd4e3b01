using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Grpc.Core;

namespace Governance.Gateway.Tests;

/// <summary>
/// A welfare application (低保) over the API, on the demo rules: documents first, the departments' checks in parallel,
/// two reviews by two people, then the public notice; each wrong or premature step refused, saying what and why.
/// </summary>
[Collection(DemoCityCollection.Name)]
public sealed class WelfareTests(DemoCityHostFixture fixture)
{
    private static readonly string[] Approvers = ["human-resources", "housing", "public-security", "market-regulation"];

    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task AnApplication_GoesFromItsDocuments_ThroughParallelChecks_AndTwoReviews_ToItsPublicNotice()
    {
        var caseId = await ApplyAsync();
        var applied = (await Host.Cases.GetCaseAsync(new GetCaseRequest { CaseId = caseId })).Case;
        await StepAsync(caseId, CaseAction.SubmitDocuments, documents:
        [
            new CaseDocument { Kind = DocumentKind.IdCard, Link = "https://docs.example/id.pdf" },
            new CaseDocument { Kind = DocumentKind.IncomeProof, Link = "https://docs.example/income.pdf" },
        ]);
        var missing = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => StepAsync(caseId, CaseAction.AcceptApplication));
        await StepAsync(caseId, CaseAction.SubmitDocuments, documents: [new CaseDocument { Kind = DocumentKind.HouseholdRegister, Link = "https://docs.example/hukou.pdf" }]);
        var accepted = await StepAsync(caseId, CaseAction.AcceptApplication);
        var queuedIn = await HoldersAsync(caseId);
        var unnamed = await RpcAssert.InvalidField("department", () => StepAsync(caseId, CaseAction.Approve));
        foreach (var department in Approvers)
        {
            await StepAsync(caseId, CaseAction.Approve, actor: $"{department}-1", department: department);
        }

        var firstReview = await StepAsync(caseId, CaseAction.Approve, actor: "street-clerk-2");
        var sameReviewer = await RpcAssert.InvalidField("actor", () => StepAsync(caseId, CaseAction.Approve, actor: "street-clerk-2"));
        var noticed = await StepAsync(caseId, CaseAction.Approve, actor: "civil-affairs-9");
        var early = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => StepAsync(caseId, CaseAction.Disburse, actor: "civil-affairs-9"));

        Assert.Equal((CaseKind.Welfare, CaseStatus.Applied), (applied.Kind, applied.Status));
        Assert.Equal([DocumentKind.IdCard, DocumentKind.HouseholdRegister, DocumentKind.IncomeProof], applied.Welfare.MissingDocuments);
        Assert.Contains("lacks required documents: household register (户口簿).", missing.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(CaseStatus.AwaitingApprovals, accepted.Case.Status);
        Assert.Empty(accepted.Case.Welfare.MissingDocuments);
        Assert.Equal(3, accepted.Case.Welfare.Documents.Count);
        Assert.Equal(Approvers, accepted.Case.Welfare.Approvals.Select(a => a.Department));
        Assert.All(accepted.Case.Welfare.Approvals, a => Assert.Equal(ApprovalDecision.Pending, a.Decision));
        Assert.Equal(Approvers.Order(), queuedIn.Order());
        Assert.Contains("pending: human-resources, housing, public-security, market-regulation", unnamed.Description, StringComparison.Ordinal);
        Assert.Equal((CaseStatus.SecondReview, "civil-affairs", "street-clerk-2"), (firstReview.Case.Status, firstReview.Case.Department, firstReview.Case.Welfare.FirstReviewer));
        Assert.Contains("first reviewer, street-clerk-2", sameReviewer.Description, StringComparison.Ordinal);
        Assert.Equal(CaseStatus.PublicNotice, noticed.Case.Status);
        Assert.Equal(noticed.Case.History[^1].At.ToDateTimeOffset() + TimeSpan.FromDays(7), noticed.Case.Welfare.NoticeEndsAt.ToDateTimeOffset());
        Assert.Equal([CaseAction.RaiseObjection, CaseAction.Disburse], noticed.Allowed);
        Assert.Contains("is on public notice until", early.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusal_SaysWhoRefusedAndWhy_AndEndsTheApplication()
    {
        var caseId = await ApplyAsync();
        await StepAsync(caseId, CaseAction.SubmitDocuments, documents:
        [
            new CaseDocument { Kind = DocumentKind.IdCard, Link = "https://docs.example/id.pdf" },
            new CaseDocument { Kind = DocumentKind.HouseholdRegister, Link = "https://docs.example/hukou.pdf" },
            new CaseDocument { Kind = DocumentKind.IncomeProof, Link = "https://docs.example/income.pdf" },
        ]);
        await StepAsync(caseId, CaseAction.AcceptApplication);
        var noReason = await RpcAssert.InvalidField("reason", () => StepAsync(caseId, CaseAction.Deny, department: "market-regulation"));

        var refused = await StepAsync(caseId, CaseAction.Deny, actor: "market-7", department: "market-regulation",
            reason: "The applicant holds a business licence for a restaurant with 12 staff.");

        Assert.NotNull(noReason);
        Assert.Equal(CaseStatus.Refused, refused.Case.Status);
        Assert.Empty(refused.Allowed);
        var denial = refused.Case.Welfare.Approvals.Single(a => a.Decision == ApprovalDecision.Denied);
        Assert.Equal(("market-regulation", "market-7", "The applicant holds a business licence for a restaurant with 12 staff."), (denial.Department, denial.DecidedBy, denial.Reason));
        Assert.Equal("Refused by market-regulation. The applicant holds a business licence for a restaurant with 12 staff.", refused.Case.History[^1].Note);
        Assert.Empty(await HoldersAsync(caseId));
    }

    [Fact]
    public async Task DocumentsThatAreWrong_OrOnAnotherStep_AreInvalidArgument_NamingEachField()
    {
        var caseId = await ApplyAsync();

        var wrong = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => StepAsync(caseId, CaseAction.SubmitDocuments, documents:
        [
            new CaseDocument { Kind = DocumentKind.Unspecified, Link = "https://docs.example/id.pdf" },
            new CaseDocument { Kind = DocumentKind.IncomeProof, Link = "file:///etc/passwd" },
        ]));
        var elsewhere = await RpcAssert.InvalidField("documents", () => StepAsync(caseId, CaseAction.AcceptApplication, documents:
            [new CaseDocument { Kind = DocumentKind.IdCard, Link = "https://docs.example/id.pdf" }]));
        var none = await RpcAssert.InvalidField("documents", () => StepAsync(caseId, CaseAction.SubmitDocuments));
        var after = (await Host.Cases.GetCaseAsync(new GetCaseRequest { CaseId = caseId })).Case;

        Assert.Contains("documents[0].kind", wrong.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("documents[1].link", wrong.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("only submit_documents takes documents", elsewhere.Description, StringComparison.Ordinal);
        Assert.Contains("at least one document", none.Description, StringComparison.Ordinal);
        Assert.Empty(after.Welfare.Documents);
        Assert.Single(after.History);
    }

    private async Task<string> ApplyAsync()
    {
        var (cellId, _) = await CityProbe.FreshCellAsync(Host);
        var report = Reports.InCell(cellId);
        (report.Kind, report.Category, report.Description) = (CaseKind.Welfare, "welfare.minimum-living", "Widowed, two children, no income since the factory closed.");
        return (await Host.Intake.ReportAsync(report)).CaseId;
    }

    private async Task<TransitionCaseResponse> StepAsync(
        string caseId, CaseAction action, string actor = "street-clerk-1", string department = "", string reason = "", CaseDocument[]? documents = null) =>
        await Host.Cases.TransitionCaseAsync(new TransitionCaseRequest
        {
            CaseId = caseId, Action = action, Actor = actor, Department = department, Reason = reason, Documents = { documents ?? [] },
        });

    private async Task<List<string>> HoldersAsync(string caseId)
    {
        var holding = new List<string>();
        foreach (var department in Approvers)
        {
            var queue = await Host.Cases.GetDepartmentQueueAsync(new GetDepartmentQueueRequest { Department = department });
            if (queue.Cases.Any(c => c.CaseId == caseId))
            {
                holding.Add(department);
            }
        }

        return holding;
    }
}
