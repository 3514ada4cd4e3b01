using Governance.Contracts.V1;
using Governance.Gateway.Tests.Infrastructure;
using Grpc.Core;

namespace Governance.Gateway.Tests;

[Collection(DemoCityCollection.Name)]
public sealed class CaseTests(DemoCityHostFixture fixture)
{
    private GatewayHost Host => fixture.Host;

    [Theory]
    [InlineData("c0000000000000000")]
    [InlineData("not-a-case-id")]
    [InlineData("case:c0000000000000000")]
    public async Task GetCase_UnknownId_IsNotFound(string caseId)
    {
        await RpcAssert.FailsWith(StatusCode.NotFound, () => Host.Cases.GetCaseAsync(new GetCaseRequest { CaseId = caseId }).ResponseAsync);
    }

    [Fact]
    public async Task GetCase_EmptyId_IsInvalidArgument()
    {
        await RpcAssert.InvalidField("case_id", () => Host.Cases.GetCaseAsync(new GetCaseRequest()).ResponseAsync);
    }

    [Fact]
    public async Task TheClosedLoop_EachStepRecorded_AndAClosedCaseLeavesTheCellsOpenList()
    {
        var (cellId, _) = await CityProbe.FreshCellAsync(Host);
        var caseId = (await Host.Intake.ReportAsync(Reports.InCell(cellId))).CaseId;

        await StepAsync(caseId, CaseAction.Register, "dispatcher-1");
        await StepAsync(caseId, CaseAction.Dispatch, "dispatcher-1");
        await StepAsync(caseId, CaseAction.Postpone, "roads-7", reason: "asphalt arrives Monday", approver: "roads-chief");
        await StepAsync(caseId, CaseAction.Suspend, "roads-7", reason: "street flooded", approver: "roads-chief");
        await StepAsync(caseId, CaseAction.Resume, "roads-7");
        await StepAsync(caseId, CaseAction.Handle, "roads-7", evidence: "https://photos.example/after-1.jpg");
        await StepAsync(caseId, CaseAction.Rework, "inspector-3", reason: "the edge still crumbles");
        await StepAsync(caseId, CaseAction.Handle, "roads-7", evidence: "https://photos.example/after-2.jpg");
        await StepAsync(caseId, CaseAction.Verify, "inspector-3");
        var closed = await StepAsync(caseId, CaseAction.Close, "dispatcher-1");

        Assert.Equal(CaseStatus.Closed, closed.Case.Status);
        Assert.Equal([CaseAction.Evaluate], closed.Allowed);
        // A test category of its own matches no rule: the default department of the demo rules.
        Assert.Equal("city-management", closed.Case.Department);
        var found = (await Host.Cases.GetCaseAsync(new GetCaseRequest { CaseId = caseId })).Case;
        Assert.Equal(
            [CaseAction.Unspecified, CaseAction.Register, CaseAction.Dispatch, CaseAction.Postpone, CaseAction.Suspend, CaseAction.Resume,
                CaseAction.Handle, CaseAction.Rework, CaseAction.Handle, CaseAction.Verify, CaseAction.Close],
            found.History.Select(e => e.Action));
        var postponed = found.History[3];
        Assert.Equal(("roads-7", "roads-chief", CaseStatus.Dispatched), (postponed.Actor, postponed.Approver, postponed.Status));
        Assert.Contains("asphalt arrives Monday", postponed.Note, StringComparison.Ordinal);
        Assert.Equal(["https://photos.example/after-2.jpg"], found.History[8].Evidence);
        Assert.Equal("city-management", found.History[2].Department);

        var cell = (await Host.Grid.GetCellAsync(new GetCellRequest { CellId = cellId })).Cell;
        Assert.DoesNotContain(cell.OpenCases, c => c.CaseId == caseId);
        Assert.Equal((1L, 0), (cell.Counters.CasesOpened, cell.Counters.OpenCases));
    }

    [Fact]
    public async Task AClosedCase_TakesNoMoreDuplicates_ANewReportThereOpensANewCase()
    {
        var (_, centre) = await CityProbe.FreshCellAsync(Host);
        var first = Reports.At(centre.Latitude, centre.Longitude);
        var caseId = (await Host.Intake.ReportAsync(first)).CaseId;
        var duplicate = Reports.At(centre.Latitude, centre.Longitude);
        duplicate.Category = first.Category;
        Assert.Equal((ReportOutcome.Merged, caseId), Outcome(await Host.Intake.ReportAsync(duplicate)));

        foreach (var (action, department) in new[]
        {
            (CaseAction.Register, ""), (CaseAction.Dispatch, ""), (CaseAction.Handle, ""), (CaseAction.Verify, ""), (CaseAction.Close, ""),
        })
        {
            await StepAsync(caseId, action, "dispatcher-1", department: department);
        }

        var later = Reports.At(centre.Latitude, centre.Longitude);
        later.Category = first.Category;
        var ack = await Host.Intake.ReportAsync(later);

        Assert.Equal(ReportOutcome.Created, ack.Outcome);
        Assert.NotEqual(caseId, ack.CaseId);
    }

    [Fact]
    public async Task AStepTheStatusDoesNotAllow_IsFailedPrecondition_NamingTheAllowedSteps_AndChangesNothing()
    {
        var (cellId, _) = await CityProbe.FreshCellAsync(Host);
        var caseId = (await Host.Intake.ReportAsync(Reports.InCell(cellId))).CaseId;

        var refused = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => Host.Cases.TransitionCaseAsync(
            new TransitionCaseRequest { CaseId = caseId, Action = CaseAction.Close, Actor = "dispatcher-1" }).ResponseAsync);

        Assert.Contains("is reported", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("Allowed: register, reject", refused.Status.Detail, StringComparison.Ordinal);
        var found = (await Host.Cases.GetCaseAsync(new GetCaseRequest { CaseId = caseId })).Case;
        Assert.Equal((CaseStatus.Reported, 1), (found.Status, found.History.Count));

        await StepAsync(caseId, CaseAction.Reject, "dispatcher-1", reason: "a private courtyard, not public space");
        var ended = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => Host.Cases.TransitionCaseAsync(
            new TransitionCaseRequest { CaseId = caseId, Action = CaseAction.Register, Actor = "dispatcher-1" }).ResponseAsync);
        Assert.Contains("the case has ended", ended.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CaseAction.Unspecified, "dispatcher-1", "", "", "", "action")]
    [InlineData(CaseAction.Register, "", "", "", "", "actor")]
    [InlineData(CaseAction.Reject, "dispatcher-1", "", "", "", "reason")]
    [InlineData(CaseAction.Postpone, "roads-7", "rain", "", "", "approver")]
    [InlineData(CaseAction.Suspend, "roads-7", "rain", "roads-7", "", "approver")]
    [InlineData(CaseAction.Handle, "roads-7", "", "", "ftp://photos.example/1.jpg", "evidence[0]")]
    public async Task AStepMissingWhatItNeeds_IsInvalidArgument_NamingTheField(
        CaseAction action, string actor, string reason, string approver, string evidence, string field)
    {
        var (cellId, _) = await CityProbe.FreshCellAsync(Host);
        var caseId = (await Host.Intake.ReportAsync(Reports.InCell(cellId))).CaseId;
        var request = new TransitionCaseRequest { CaseId = caseId, Action = action, Actor = actor, Reason = reason, Approver = approver };
        if (evidence.Length > 0)
        {
            request.Evidence.Add(evidence);
        }

        await RpcAssert.InvalidField(field, () => Host.Cases.TransitionCaseAsync(request).ResponseAsync);

        Assert.Equal(CaseStatus.Reported, (await Host.Cases.GetCaseAsync(new GetCaseRequest { CaseId = caseId })).Case.Status);
    }

    [Fact]
    public async Task ADispatch_GoesWhereTheCategoryIsRouted_AndAnotherDepartmentNeedsAReason()
    {
        var (cellId, _) = await CityProbe.FreshCellAsync(Host);
        var pothole = Reports.InCell(cellId);
        pothole.Category = "road.pothole";
        var routedId = (await Host.Intake.ReportAsync(pothole)).CaseId;
        var (otherCell, _) = await CityProbe.FreshCellAsync(Host);
        var overriddenId = (await Host.Intake.ReportAsync(Reports.InCell(otherCell))).CaseId;
        await StepAsync(routedId, CaseAction.Register, "dispatcher-1");
        await StepAsync(overriddenId, CaseAction.Register, "dispatcher-1");

        var routed = await StepAsync(routedId, CaseAction.Dispatch, "dispatcher-1");
        var unknown = await RpcAssert.InvalidField("department", () => StepAsync(overriddenId, CaseAction.Dispatch, "dispatcher-1", department: "bakery"));
        var noReason = await RpcAssert.InvalidField("reason", () => StepAsync(overriddenId, CaseAction.Dispatch, "dispatcher-1", department: "water"));
        var overridden = await StepAsync(overriddenId, CaseAction.Dispatch, "dispatcher-1", reason: "the hole is a water main's trench", department: "water");

        Assert.Equal(("roads", CaseStatus.Dispatched), (routed.Case.Department, routed.Case.Status));
        Assert.Contains("known: city-management, civil-affairs, community-mediation, environment", unknown.Description, StringComparison.Ordinal);
        Assert.Contains("instead of city-management", noReason.Description, StringComparison.Ordinal);
        Assert.Equal("water", overridden.Case.Department);
        var due = overridden.Case.Deadline.DueAt.ToDateTimeOffset();
        Assert.Equal(
            $"Dispatched to water instead of city-management, where its category is routed. Due by {due:yyyy-MM-dd HH:mm} UTC (committed, 3d). the hole is a water main's trench",
            overridden.Case.History[^1].Note);
    }

    [Fact]
    public async Task ADepartmentsQueue_HoldsItsCasesFromDispatchUntilHandledOrReturned()
    {
        var ids = new List<string>();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var (cellId, _) = await CityProbe.FreshCellAsync(Host);
            var report = Reports.InCell(cellId);
            report.Category = "street-light-outages";
            ids.Add((await Host.Intake.ReportAsync(report)).CaseId);
        }

        var (first, second) = (ids[0], ids[1]);
        foreach (var id in ids)
        {
            await StepAsync(id, CaseAction.Register, "dispatcher-1");
            await StepAsync(id, CaseAction.Dispatch, "dispatcher-1");
        }

        Assert.Equal([(first, CaseStatus.Dispatched), (second, CaseStatus.Dispatched)], await LightingQueueAsync());
        await StepAsync(second, CaseAction.Suspend, "lighting-4", reason: "the pole is on a building site", approver: "lighting-chief");
        await StepAsync(first, CaseAction.Handle, "lighting-4");
        Assert.Equal([(second, CaseStatus.Suspended)], await LightingQueueAsync());

        await StepAsync(first, CaseAction.Rework, "inspector-3", reason: "still dark at night");
        await StepAsync(second, CaseAction.Resume, "lighting-4");
        await StepAsync(second, CaseAction.Return, "lighting-4", reason: "the pole belongs to the port authority", approver: "lighting-chief");
        Assert.Equal([(first, CaseStatus.Dispatched)], await LightingQueueAsync());
    }

    [Fact]
    public async Task TheQueueOfAnUnknownDepartment_IsNotFound_AndAnEmptyCodeInvalid()
    {
        await RpcAssert.FailsWith(StatusCode.NotFound, () => Host.Cases.GetDepartmentQueueAsync(new GetDepartmentQueueRequest { Department = "bakery" }).ResponseAsync);
        await RpcAssert.InvalidField("department", () => Host.Cases.GetDepartmentQueueAsync(new GetDepartmentQueueRequest()).ResponseAsync);
    }

    [Fact]
    public async Task AReporter_RatesAClosedCaseOnce_AndOnlyItsReporters()
    {
        var (cellId, centre) = await CityProbe.FreshCellAsync(Host);
        var first = Reports.At(centre.Latitude, centre.Longitude);
        var caseId = (await Host.Intake.ReportAsync(first)).CaseId;
        var duplicate = Reports.At(centre.Latitude, centre.Longitude);
        (duplicate.Category, duplicate.ReporterId) = (first.Category, "citizen-77");
        await Host.Intake.ReportAsync(duplicate);

        var early = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => RateAsync(caseId, "citizen-42", 5));
        foreach (var action in new[] { CaseAction.Register, CaseAction.Dispatch, CaseAction.Handle, CaseAction.Verify, CaseAction.Close })
        {
            await StepAsync(caseId, action, "dispatcher-1");
        }

        var rated = await RateAsync(caseId, "citizen-42", 4, "fixed within a day");
        await RateAsync(caseId, "citizen-77", 2);
        var again = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => RateAsync(caseId, "citizen-42", 1));
        var stranger = await RpcAssert.InvalidField("reporter_id", () => RateAsync(caseId, "citizen-99", 3));

        Assert.Contains("it can be rated once it is closed", early.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(("citizen-42", 4, "fixed within a day"), (rated.Ratings[0].ReporterId, rated.Ratings[0].Score, rated.Ratings[0].Comment));
        Assert.Contains("has rated case", again.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("did not report case", stranger.Description, StringComparison.Ordinal);
        var found = (await Host.Cases.GetCaseAsync(new GetCaseRequest { CaseId = caseId })).Case;
        Assert.Equal([("citizen-42", 4), ("citizen-77", 2)], found.Ratings.Select(r => (r.ReporterId, r.Score)));
    }

    [Theory]
    [InlineData(0, "", "score")]
    [InlineData(6, "", "score")]
    [InlineData(3, "x", "comment")]
    public async Task ARatingOutOfRange_IsInvalidArgument_NamingTheField(int score, string comment, string field)
    {
        var (cellId, _) = await CityProbe.FreshCellAsync(Host);
        var caseId = (await Host.Intake.ReportAsync(Reports.InCell(cellId))).CaseId;

        await RpcAssert.InvalidField(field, () => RateAsync(caseId, "citizen-42", score, comment == "x" ? new string('x', 501) : comment));
    }

    [Fact]
    public async Task AStepOnAnUnknownCase_IsNotFound()
    {
        await RpcAssert.FailsWith(StatusCode.NotFound, () => Host.Cases.TransitionCaseAsync(
            new TransitionCaseRequest { CaseId = "c0000000000000000", Action = CaseAction.Register, Actor = "dispatcher-1" }).ResponseAsync);
    }

    // The lighting department takes no other test's cases: its entries are this test's alone.
    private async Task<(string, CaseStatus)[]> LightingQueueAsync() =>
        [.. (await Host.Cases.GetDepartmentQueueAsync(new GetDepartmentQueueRequest { Department = "lighting" })).Cases.Select(c => (c.CaseId, c.Status))];

    private async Task<Case> RateAsync(string caseId, string reporterId, int score, string comment = "") =>
        (await Host.Cases.RateCaseAsync(new RateCaseRequest { CaseId = caseId, ReporterId = reporterId, Score = score, Comment = comment })).Case;

    private static (ReportOutcome, string) Outcome(ReportAck ack) => (ack.Outcome, ack.CaseId);

    private async Task<TransitionCaseResponse> StepAsync(
        string caseId, CaseAction action, string actor, string reason = "", string approver = "", string department = "", string evidence = "")
    {
        var request = new TransitionCaseRequest { CaseId = caseId, Action = action, Actor = actor, Reason = reason, Approver = approver, Department = department };
        if (evidence.Length > 0)
        {
            request.Evidence.Add(evidence);
        }

        return await Host.Cases.TransitionCaseAsync(request);
    }
}
