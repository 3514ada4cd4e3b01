using Governance.Contracts;
using Governance.Contracts.Cases;
using Governance.Contracts.Welfare;
using Governance.Grains.Tests.Infrastructure;

namespace Governance.Grains.Tests.Welfare;

/// <summary>
/// A welfare application (低保) on the demo rules: ID card, household register and income proof before anything else;
/// four departments check it in parallel within 10 days; the street office's first review, civil affairs' second;
/// seven days on public notice; then disbursement.
/// </summary>
[Collection(MovableClockClusterCollection.Name)]
public sealed class WelfareApplicationTests(MovableClockClusterFixture fixture)
{
    private static readonly string[] Approvers = ["human-resources", "housing", "public-security", "market-regulation"];

    [Fact]
    public async Task AnApplication_WithEveryDocument_IsCheckedInParallel_ReviewedTwice_NoticedForAWeek_AndDisbursed()
    {
        var application = await ApplyAsync();
        await SubmitAllDocumentsAsync(application);

        var accepted = await StepAsync(application, CaseAction.AcceptApplication);
        var heldAfterAcceptance = await HoldersAsync(accepted.CaseId);
        var firstApproval = await StepAsync(application, CaseAction.Approve, department: "housing", actor: "housing-7");
        var heldAfterOne = await HoldersAsync(accepted.CaseId);
        foreach (var department in Approvers.Where(d => d != "housing"))
        {
            await StepAsync(application, CaseAction.Approve, department: department, actor: $"{department}-1");
        }

        var inFirstReview = (await application.GetAsync())!;
        var heldInFirstReview = await HoldersAsync(accepted.CaseId);
        await StepAsync(application, CaseAction.Approve, actor: "street-clerk-2");
        var sameReviewer = await application.TransitionAsync(Step(CaseAction.Approve, actor: "street-clerk-2"));
        var noticed = await StepAsync(application, CaseAction.Approve, actor: "civil-affairs-9");
        var tooEarly = await application.TransitionAsync(Step(CaseAction.Disburse, actor: "civil-affairs-9"));
        fixture.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var granted = await StepAsync(application, CaseAction.Disburse, actor: "civil-affairs-9");

        Assert.Equal((CaseStatusKind.AwaitingApprovals, "street-office", TimeSpan.FromDays(10)), (accepted.Status, accepted.Department, accepted.Deadline!.Limit));
        Assert.Equal(Approvers.Order(), heldAfterAcceptance.Order());
        Assert.Equal(CaseStatusKind.AwaitingApprovals, firstApproval.Status);
        Assert.DoesNotContain("housing", heldAfterOne);
        Assert.Equal(3, heldAfterOne.Count);
        Assert.Equal(ApprovalDecision.Approved, firstApproval.Welfare!.Approvals.Single(a => a.Department == "housing").Decision);
        Assert.Equal((CaseStatusKind.FirstReview, "street-office", TimeSpan.FromDays(15)), (inFirstReview.Status, inFirstReview.Department, inFirstReview.Deadline!.Limit));
        Assert.All(inFirstReview.Welfare!.Approvals, a => Assert.Equal(ApprovalDecision.Approved, a.Decision));
        Assert.Equal(["street-office"], heldInFirstReview);
        Assert.Equal((CaseChangeOutcome.Invalid, "actor"), (sameReviewer.Kind, sameReviewer.Field));
        Assert.Contains("street-clerk-2", sameReviewer.Refusal, StringComparison.Ordinal);
        Assert.Equal(CaseStatusKind.PublicNotice, noticed.Status);
        Assert.Equal(noticed.History[^1].At + TimeSpan.FromDays(7), noticed.Welfare!.NoticeEndsAt);
        Assert.Equal(("street-clerk-2", "civil-affairs-9"), (noticed.Welfare.FirstReviewer, noticed.Welfare.SecondReviewer));
        Assert.Null(noticed.Deadline);
        Assert.Empty(await HoldersAsync(accepted.CaseId));
        Assert.Equal(CaseChangeOutcome.NotAllowed, tooEarly.Kind);
        Assert.Contains("on public notice until", tooEarly.Refusal, StringComparison.Ordinal);
        Assert.Equal(CaseStatusKind.Granted, granted.Status);
        Assert.False(CaseLifecycle.IsOpen(granted.Status));
    }

    [Fact]
    public async Task AcceptanceWithoutARequiredDocument_IsRefused_NamingEachMissingOne_AndChangesNothing()
    {
        var application = await ApplyAsync();
        var submitted = await StepAsync(application, CaseAction.SubmitDocuments,
            documents: [new CaseDocument(DocumentKind.IdCard, "https://docs.example/id.pdf")]);

        var refused = await application.TransitionAsync(Step(CaseAction.AcceptApplication));
        var after = (await application.GetAsync())!;
        var empty = await application.TransitionAsync(Step(CaseAction.SubmitDocuments));

        Assert.Equal([DocumentKind.HouseholdRegister, DocumentKind.IncomeProof], submitted.Welfare!.Missing.ToArray());
        Assert.Contains("Still missing: household register (户口簿), income proof (收入证明).", submitted.History[^1].Note, StringComparison.Ordinal);
        Assert.Equal(CaseChangeOutcome.NotAllowed, refused.Kind);
        Assert.Contains("lacks required documents: household register (户口簿), income proof (收入证明)", refused.Refusal, StringComparison.Ordinal);
        Assert.Equal((CaseStatusKind.Applied, submitted.History.Length), (after.Status, after.History.Length));
        Assert.Equal((CaseChangeOutcome.Invalid, "documents"), (empty.Kind, empty.Field));
    }

    [Fact]
    public async Task ADepartmentsRefusal_EndsTheApplication_WithWhoAndWhy_AndReleasesEveryQueue()
    {
        var application = await ApplyAsync();
        await SubmitAllDocumentsAsync(application);
        var accepted = await StepAsync(application, CaseAction.AcceptApplication);

        var unnamed = await application.TransitionAsync(Step(CaseAction.Approve));
        var stranger = await application.TransitionAsync(Step(CaseAction.Approve, department: "roads"));
        await StepAsync(application, CaseAction.Approve, department: "human-resources", actor: "hr-3");
        var twice = await application.TransitionAsync(Step(CaseAction.Deny, department: "human-resources", reason: "changed my mind"));
        var refused = await StepAsync(application, CaseAction.Deny, department: "housing", actor: "housing-7",
            reason: "The household owns a second flat (不动产登记 2019-0412).");

        Assert.Equal((CaseChangeOutcome.Invalid, "department"), (unnamed.Kind, unnamed.Field));
        Assert.Contains("pending: human-resources, housing, public-security, market-regulation", unnamed.Refusal, StringComparison.Ordinal);
        Assert.Equal((CaseChangeOutcome.Invalid, "department"), (stranger.Kind, stranger.Field));
        Assert.Equal(CaseChangeOutcome.NotAllowed, twice.Kind);
        Assert.Equal(CaseStatusKind.Refused, refused.Status);
        var denial = refused.Welfare!.Approvals.Single(a => a.Department == "housing");
        Assert.Equal((ApprovalDecision.Denied, "housing-7", "The household owns a second flat (不动产登记 2019-0412)."), (denial.Decision, denial.DecidedBy, denial.Reason));
        Assert.StartsWith("Refused by housing. The household owns a second flat", refused.History[^1].Note, StringComparison.Ordinal);
        Assert.Empty(await HoldersAsync(accepted.CaseId));
        Assert.Empty(CaseLifecycle.Allowed(refused.Status));
    }

    [Fact]
    public async Task AnObjectionDuringTheNotice_SendsItBackToTheSecondReview()
    {
        var application = await ApplyAsync();
        await SubmitAllDocumentsAsync(application);
        await StepAsync(application, CaseAction.AcceptApplication);
        foreach (var department in Approvers)
        {
            await StepAsync(application, CaseAction.Approve, department: department);
        }

        await StepAsync(application, CaseAction.Approve, actor: "street-clerk-2");
        var noticed = await StepAsync(application, CaseAction.Approve, actor: "civil-affairs-9");
        // Read back from its stored state, as after a restart: the file is part of it.
        await fixture.Cluster.DeactivateAsync(application);
        var stored = (await application.GetAsync())!;

        var objected = await StepAsync(application, CaseAction.RaiseObjection, actor: "resident-41", reason: "The applicant runs a shop on Elm Road.");

        // ImmutableArray's own equality compares the arrays' identity, not their items.
        Assert.Equal(noticed.Welfare!.Documents.ToArray(), stored.Welfare!.Documents.ToArray());
        Assert.Equal(noticed.Welfare.Approvals.ToArray(), stored.Welfare.Approvals.ToArray());
        Assert.Equal((noticed.Welfare.NoticeEndsAt, "civil-affairs-9", CaseStatusKind.PublicNotice), (stored.Welfare.NoticeEndsAt, stored.Welfare.SecondReviewer, stored.Status));
        Assert.Equal((CaseStatusKind.SecondReview, "civil-affairs", null, ""),
            (objected.Status, objected.Department, objected.Welfare!.NoticeEndsAt, objected.Welfare.SecondReviewer));
        Assert.Equal(["civil-affairs"], await HoldersAsync(objected.CaseId));
    }

    [Fact]
    public async Task ChecksPastTheirTime_EscalateInEveryQueueThatHoldsTheApplication()
    {
        var application = await ApplyAsync();
        await SubmitAllDocumentsAsync(application);
        var accepted = await StepAsync(application, CaseAction.AcceptApplication);
        await StepAsync(application, CaseAction.Approve, department: "housing");
        fixture.Clock.Advance(TimeSpan.FromDays(10) + TimeSpan.FromMinutes(1));

        await fixture.Watch.CheckAsync();
        var escalated = (await application.GetAsync())!;

        Assert.Equal(1, Assert.Single(escalated.History, e => e.EscalationLevel is not null).EscalationLevel);
        foreach (var department in Approvers.Where(d => d != "housing"))
        {
            var entry = (await fixture.Grains.Department(department).GetQueueAsync())!.Value.Single(e => e.CaseId == accepted.CaseId);
            Assert.Equal((1, true), (entry.Deadline!.Escalations, entry.Overdue));
        }
    }

    private async Task<ICaseGrain> ApplyAsync()
    {
        var cell = fixture.Grains.Cell(fixture.City.Cells[^3].Code);
        var report = new IncomingReport($"welfare-{Guid.NewGuid():N}", ReportChannel.GridWorker, "welfare.minimum-living",
            "Widowed, two children, no income since the factory closed.", null, fixture.Clock.GetUtcNow(), "worker-5") { Kind = CaseKind.Welfare };
        var application = fixture.Grains.Case((await cell.ProcessAsync([report]))[0].CaseId);
        Assert.Equal(CaseStatusKind.Applied, (await application.GetAsync())!.Status);
        return application;
    }

    private static Task<CaseDetails> SubmitAllDocumentsAsync(ICaseGrain application) => StepAsync(application, CaseAction.SubmitDocuments, documents:
    [
        new CaseDocument(DocumentKind.IdCard, "https://docs.example/id.pdf"),
        new CaseDocument(DocumentKind.HouseholdRegister, "https://docs.example/hukou.pdf"),
        new CaseDocument(DocumentKind.IncomeProof, "https://docs.example/income.pdf"),
    ]);

    private static async Task<CaseDetails> StepAsync(
        ICaseGrain application, CaseAction action, string actor = "street-clerk-1", string department = "", string reason = "", CaseDocument[]? documents = null)
    {
        var result = await application.TransitionAsync(Step(action, actor, department, reason, documents));
        Assert.True(result.Kind == CaseChangeOutcome.Taken, $"{action}: {result.Refusal}");
        return result.Case!;
    }

    private static CaseTransition Step(CaseAction action, string actor = "street-clerk-1", string department = "", string reason = "", CaseDocument[]? documents = null) =>
        new(action, actor, reason, "", department, []) { Documents = [.. documents ?? []] };

    // The departments whose queues hold the case, of those a welfare application passes through.
    private Task<List<string>> HoldersAsync(string caseId) => fixture.HoldersAsync(caseId, [.. Approvers, "street-office", "civil-affairs"]);
}
