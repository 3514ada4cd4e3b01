using Governance.Contracts;
using Governance.Contracts.Cases;
using Governance.Contracts.Cells;
using Governance.Grains.Tests.Infrastructure;
using Governance.Intake.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;

namespace Governance.Grains.Tests;

/// <summary>Overlapping batches still reach each cell in journal order.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class CellDispatcherTests(GrainClusterFixture fixture)
{
    private IncomingReport Report(string cellId) => fixture.ReportAtCentre(cellId, "dispatch", "A tree fell across the lane.");

    [Fact]
    public async Task TwoBatchesAtOnce_ReachAFreshCellInJournalOrder()
    {
        // A cell not yet activated is where two calls sent back to back can overtake each other.
        var dispatcher = new CellDispatcher(fixture.Grains, flushParallelism: 4, NullLogger.Instance);
        var cells = fixture.City.Cells.Reverse().Skip(1).Take(8).Select(c => c.Code).ToList();
        var first = cells.Select(cell => new PendingReport(cell, Report(cell))).ToList();
        var retries = first.Select(p => new PendingReport(p.CellId, p.Report)).ToList();

        var dispatched = await Task.WhenAll(dispatcher.DispatchAsync(first), dispatcher.DispatchAsync(retries));

        Assert.All(dispatched, Assert.True);
        Assert.All(await Task.WhenAll(first.Select(p => p.Receipt.Task)), r => Assert.Equal(ReportOutcomeKind.Created, r.Outcome));
        Assert.All(await Task.WhenAll(retries.Select(p => p.Receipt.Task)), r => Assert.Equal(ReportOutcomeKind.Retry, r.Outcome));
    }

    [Fact]
    public async Task Replay_OfAReportWhoseLinkWasStoredButItsRowWasNot_OpensTheCaseAgain()
    {
        // A flush stores the links of a cell's new cases before their rows; a crash between the two leaves the case's first
        // reporter linked and no row. Replay must open the case again, or the link points at nothing.
        var dispatcher = new CellDispatcher(fixture.Grains, flushParallelism: 4, NullLogger.Instance);
        var cell = fixture.City.Cells.Reverse().Skip(10).First().Code;
        var report = Report(cell);
        var first = new PendingReport(cell, report);
        Assert.True(await dispatcher.DispatchAsync([first]));
        var caseId = (await first.Receipt.Task).CaseId;
        Assert.Equal(FlushOutcome.Stored, await dispatcher.FlushAsync());
        await fixture.DeleteOpenCaseRowAsync(caseId);
        await fixture.Cluster.DeactivateAsync(fixture.Grains.GetGrain<IGridCellGrain>(GrainKeys.Cell(cell)));
        var caseGrain = fixture.Grains.GetGrain<ICaseGrain>(GrainKeys.Case(caseId));
        Assert.Null(await caseGrain.GetAsync());

        var replayed = new PendingReport(cell, report);
        Assert.True(await dispatcher.DispatchAsync([replayed], replaying: true));

        Assert.Equal((ReportOutcomeKind.Created, caseId), ((await replayed.Receipt.Task).Outcome, (await replayed.Receipt.Task).CaseId));
        Assert.Equal(report.ExternalId, Assert.Single((await caseGrain.GetAsync())!.Reporters).ExternalId);
        var snapshot = await fixture.Grains.GetGrain<IGridCellGrain>(GrainKeys.Cell(cell)).GetSnapshotAsync();
        Assert.Equal(1, snapshot.Counters.OpenCases);
        Assert.Equal(0, snapshot.Counters.Retries);
    }

    [Fact]
    public async Task Flush_ByTheActivationThatTookTheReports_IsStored()
    {
        var dispatcher = new CellDispatcher(fixture.Grains, flushParallelism: 4, NullLogger.Instance);
        var cell = fixture.City.Cells.Reverse().Skip(20).First().Code;
        Assert.True(await dispatcher.DispatchAsync([new PendingReport(cell, Report(cell))]));
        Assert.True(await dispatcher.DispatchAsync([new PendingReport(cell, Report(cell))]));

        Assert.False(dispatcher.TakeActivationLost());
        Assert.Equal(FlushOutcome.Stored, await dispatcher.FlushAsync());
    }

    [Fact]
    public async Task Flush_ByAnotherActivation_TellsThatTheReportsMayBeLost()
    {
        // As when the cell's silo dies: the activation that took the report is gone before it stored it.
        var dispatcher = new CellDispatcher(fixture.Grains, flushParallelism: 4, NullLogger.Instance);
        var cell = fixture.City.Cells.Reverse().Skip(21).First().Code;
        Assert.True(await dispatcher.DispatchAsync([new PendingReport(cell, Report(cell))]));
        await fixture.Cluster.DeactivateAsync(fixture.Grains.GetGrain<IGridCellGrain>(GrainKeys.Cell(cell)));

        Assert.Equal(FlushOutcome.ActivationLost, await dispatcher.FlushAsync());
        // Told once: the next flush, with nothing new dispatched, has nothing to doubt.
        Assert.Equal(FlushOutcome.Stored, await dispatcher.FlushAsync());
    }

    [Fact]
    public async Task Batch_TakenByAnotherActivation_TellsThatEarlierReportsMayBeLost()
    {
        var dispatcher = new CellDispatcher(fixture.Grains, flushParallelism: 4, NullLogger.Instance);
        var cell = fixture.City.Cells.Reverse().Skip(22).First().Code;
        Assert.True(await dispatcher.DispatchAsync([new PendingReport(cell, Report(cell))]));
        await fixture.Cluster.DeactivateAsync(fixture.Grains.GetGrain<IGridCellGrain>(GrainKeys.Cell(cell)));
        Assert.True(await dispatcher.DispatchAsync([new PendingReport(cell, Report(cell))]));

        Assert.True(dispatcher.TakeActivationLost());
        Assert.False(dispatcher.TakeActivationLost());
    }
}
