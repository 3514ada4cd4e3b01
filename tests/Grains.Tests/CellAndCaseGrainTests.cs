using Governance.Contracts;
using Governance.Contracts.Cases;
using Governance.Contracts.Cells;
using Governance.Contracts.Common;
using Governance.Grains.Cases;
using Governance.Grains.Cells;
using Governance.Grains.Tests.Infrastructure;
using Orleans.Runtime;

namespace Governance.Grains.Tests;

[Collection(GrainClusterCollection.Name)]
public sealed class CellAndCaseGrainTests(GrainClusterFixture fixture)
{
    private static int _nextCell;

    [Fact]
    public async Task Report_FirstTime_OpensCaseAndCellListsIt()
    {
        var cellId = FreshCell();
        var cell = fixture.Grains.GetGrain<IGridCellGrain>(GrainKeys.Cell(cellId));

        var report = Report();
        var receipt = await TakeAsync(cell, report);

        Assert.Equal(ReportOutcomeKind.Created, receipt.Outcome);
        Assert.Equal(cellId, receipt.CellId);
        Assert.Equal(CaseIds.ForReport(ReportChannel.GridWorker, report.ExternalId), receipt.CaseId);
        var snapshot = await cell.GetSnapshotAsync();
        Assert.Equal(new CellCounters(1, 0, 1, 1, 0), snapshot.Counters);
        var listed = Assert.Single(snapshot.OpenCases);
        Assert.Equal((receipt.CaseId, report.Category, CaseStatusKind.Reported), (listed.CaseId, listed.Category, listed.Status));
    }

    [Fact]
    public async Task Report_Retry_ReturnsSameCaseAndOnlyCountsTheRetry()
    {
        var cellId = FreshCell();
        var cell = fixture.Grains.GetGrain<IGridCellGrain>(GrainKeys.Cell(cellId));
        var report = Report();
        var first = await TakeAsync(cell, report);

        var second = await TakeAsync(cell, report);

        Assert.Equal(first.CaseId, second.CaseId);
        Assert.Equal(ReportOutcomeKind.Retry, second.Outcome);
        Assert.Equal(new CellCounters(1, 1, 1, 1, 0), (await cell.GetSnapshotAsync()).Counters);
    }

    [Fact]
    public async Task Report_RowLostAfterItsLinkWasStored_RetryRecordsTheCaseInTheCellAgain()
    {
        // As if the cell's row of the case was lost while the first reporter's link was stored: the link says the case is this cell's.
        var cellId = FreshCell();
        var cell = fixture.Grains.GetGrain<IGridCellGrain>(GrainKeys.Cell(cellId));
        var report = Report();
        var first = await TakeAsync(cell, report);
        await cell.FlushAsync();
        await fixture.DeleteOpenCaseRowAsync(first.CaseId);
        await fixture.Cluster.DeactivateAsync(cell);
        Assert.Empty((await cell.GetSnapshotAsync()).OpenCases);

        var receipt = await TakeAsync(cell, report);

        Assert.Equal((ReportOutcomeKind.Retry, first.CaseId), (receipt.Outcome, receipt.CaseId));
        var snapshot = await cell.GetSnapshotAsync();
        Assert.Equal(1, Assert.Single(snapshot.OpenCases, c => c.CaseId == first.CaseId).ReportCount);
        Assert.Equal(1, snapshot.Counters.CasesOpened);
    }

    [Fact]
    public async Task CellState_SurvivesDeactivation()
    {
        var cellId = FreshCell();
        var cell = fixture.Grains.GetGrain<IGridCellGrain>(GrainKeys.Cell(cellId));
        var receipt = await TakeAsync(cell, Report());
        var caseGrain = fixture.Grains.GetGrain<ICaseGrain>(GrainKeys.Case(receipt.CaseId));

        await fixture.Cluster.DeactivateAsync(cell);
        await fixture.Cluster.DeactivateAsync(caseGrain);

        var snapshot = await fixture.Grains.GetGrain<IGridCellGrain>(GrainKeys.Cell(cellId)).GetSnapshotAsync();
        Assert.Equal(receipt.CaseId, Assert.Single(snapshot.OpenCases).CaseId);
        var details = await fixture.Grains.GetGrain<ICaseGrain>(GrainKeys.Case(receipt.CaseId)).GetAsync();
        Assert.NotNull(details);
        Assert.Equal(cellId, details.CellId);
        Assert.Single(details.Reporters);
        Assert.Single(details.History);
    }

    [Fact]
    public async Task Case_AskedBeforeAnyCheckpoint_IsBuiltFromHowItsCellOpenedIt_AndStoresNothing()
    {
        var cellId = FreshCell();
        var report = Report() with { Description = string.Concat(Enumerable.Repeat("The lane is blocked by a fallen tree. ", 8)) };
        var cell = fixture.Grains.GetGrain<IGridCellGrain>(GrainKeys.Cell(cellId));
        var receipt = await TakeAsync(cell, report);

        var details = await fixture.Grains.GetGrain<ICaseGrain>(GrainKeys.Case(receipt.CaseId)).GetAsync();

        Assert.NotNull(details);
        var centre = fixture.City.Cells.Single(c => c.Code == cellId).Centroid;
        Assert.Equal((cellId, report.Category, report.Description), (details.CellId, details.Category, details.Description));
        Assert.Equal(new GeoLocation(centre.Latitude, centre.Longitude), details.Location);
        Assert.Equal(CaseStatusKind.Reported, details.Status);
        var reporter = Assert.Single(details.Reporters);
        Assert.Equal((report.ExternalId, report.ReporterId, report.ReportedAt), (reporter.ExternalId, reporter.ReporterId, reporter.ReportedAt));
        var opened = Assert.Single(details.History);
        Assert.Equal((details.OpenedAt, report.ReporterId, "Reported through GridWorker."), (opened.At, opened.Actor, opened.Note));
        // Nor does the checkpoint store it: its cell's row and its first reporter's link are all it is until it changes.
        await cell.FlushAsync();
        Assert.False(await fixture.HasStoredCaseStateAsync(receipt.CaseId));
    }

    [Fact]
    public async Task Case_NeverOpened_IsNull()
    {
        var details = await fixture.Grains.GetGrain<ICaseGrain>(GrainKeys.Case("c0000000000000000")).GetAsync();

        Assert.Null(details);
    }

    [Fact]
    public async Task Cell_NotInTheCityMap_RefusesToActivate()
    {
        var cell = fixture.Grains.GetGrain<IGridCellGrain>(GrainKeys.Cell("atlantis.1.1"));

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => cell.GetSnapshotAsync());

        Assert.Contains("atlantis.1.1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CaseIds_AreStableAndPerChannel()
    {
        var a = CaseIds.ForReport(ReportChannel.CitizenApp, "x-1");

        Assert.Equal(a, CaseIds.ForReport(ReportChannel.CitizenApp, "x-1"));
        Assert.NotEqual(a, CaseIds.ForReport(ReportChannel.Hotline, "x-1"));
        Assert.NotEqual(a, CaseIds.ForReport(ReportChannel.CitizenApp, "x-2"));
        Assert.Matches("^c[0-9a-hjkmnp-tv-z]{16}$", a);
    }

    [Fact]
    public async Task Transition_RefusedOrInvalid_ChangesNothing_AndTakenIsStoredWithItsStep()
    {
        var cell = fixture.Grains.GetGrain<IGridCellGrain>(GrainKeys.Cell(FreshCell()));
        var caseId = (await TakeAsync(cell, Report())).CaseId;
        var caseGrain = fixture.Grains.GetGrain<ICaseGrain>(GrainKeys.Case(caseId));

        var skipped = await caseGrain.TransitionAsync(new CaseTransition(CaseAction.Close, "dispatcher-1", "", "", "", []));
        var noReason = await caseGrain.TransitionAsync(new CaseTransition(CaseAction.Reject, "dispatcher-1", " ", "", "", []));
        var taken = await caseGrain.TransitionAsync(new CaseTransition(CaseAction.Register, "dispatcher-1", "", "", "", []));

        Assert.Equal((CaseChangeOutcome.NotAllowed, null), (skipped.Kind, skipped.Case));
        Assert.Equal([CaseAction.Register, CaseAction.Reject], skipped.Allowed.ToArray());
        Assert.Equal((CaseChangeOutcome.Invalid, "reason"), (noReason.Kind, noReason.Field));
        Assert.Equal((CaseChangeOutcome.Taken, CaseStatusKind.Registered), (taken.Kind, taken.Case!.Status));
        Assert.Equal([null, CaseAction.Register], taken.Case.History.Select(e => e.Action));
        Assert.Equal(CaseStatusKind.Registered, (await cell.GetSnapshotAsync()).OpenCases.Single(c => c.CaseId == caseId).Status);
        Assert.True(await fixture.HasStoredCaseStateAsync(caseId), "a step is stored before it is answered");
    }

    private static async Task<ReportReceipt> TakeAsync(IGridCellGrain cell, IncomingReport report) =>
        (await cell.ProcessAsync([report]))[0];

    [Fact]
    public async Task Process_ReportAndItsRetryInOneBatch_OpenOneCase()
    {
        var cell = fixture.Grains.GetGrain<IGridCellGrain>(GrainKeys.Cell(FreshCell()));
        var report = Report();
        var other = Report();

        var receipts = await cell.ProcessAsync([report, other, report]);

        Assert.Equal([ReportOutcomeKind.Created, ReportOutcomeKind.Created, ReportOutcomeKind.Retry], receipts.Select(r => r.Outcome));
        Assert.Equal(receipts[0].CaseId, receipts[2].CaseId);
        Assert.Equal(new CellCounters(2, 1, 2, 2, 0), (await cell.GetSnapshotAsync()).Counters);
    }

    [Fact]
    public async Task Flush_StoresCellAndItsNewCases_SoAColdStartSeesThem()
    {
        var cellId = FreshCell();
        var cell = fixture.Grains.GetGrain<IGridCellGrain>(GrainKeys.Cell(cellId));
        var report = Report();
        var receipt = await TakeAsync(cell, report);

        await cell.FlushAsync();

        // Read the stored rows through a second, independent cluster on the same database.
        await using var other = await GrainClusterFixture.StartClusterAsync(fixture.Storage, fixture.City);
        var snapshot = await other.Client.GetGrain<IGridCellGrain>(GrainKeys.Cell(cellId)).GetSnapshotAsync();
        Assert.Contains(snapshot.OpenCases, c => c.CaseId == receipt.CaseId);
        var details = await other.Client.GetGrain<ICaseGrain>(GrainKeys.Case(receipt.CaseId)).GetAsync();
        Assert.NotNull(details);
        Assert.Equal((report.Description, report.ExternalId), (details.Description, Assert.Single(details.Reporters).ExternalId));
    }

    private string FreshCell()
    {
        var cells = fixture.City.Cells;
        // The last cell is kept for the household-count test, which needs a cell no other test has woken.
        return cells[Interlocked.Increment(ref _nextCell) % (cells.Count - 1)].Code;
    }

    private static IncomingReport Report() => new(
        $"worker-report-{Guid.NewGuid():N}",
        ReportChannel.GridWorker,
        $"test.c{Guid.NewGuid():N}"[..20],
        "Water is leaking from the main under the pavement.",
        null,
        DateTimeOffset.UtcNow,
        "worker-7");
}
