using Governance.Contracts;
using Governance.Contracts.Cases;
using Governance.Contracts.Cells;
using Governance.Contracts.Common;
using Governance.Grains.Tests.Infrastructure;
using Governance.Intake.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;

namespace Governance.Grains.Tests;

/// <summary>Overlapping batches still reach each cell in journal order.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class CellDispatcherTests(GrainClusterFixture fixture)
{
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
    public async Task Replay_OfAReportWhoseCellWasStoredButItsCaseWasNot_OpensTheCaseAgain()
    {
        // A flush can store a cell that already records a report's case while that case's own write is still
        // to come; a crash then leaves the cell ahead of the case. Replay must not answer from the cell.
        var dispatcher = new CellDispatcher(fixture.Grains, flushParallelism: 4, NullLogger.Instance);
        var cell = fixture.City.Cells.Reverse().Skip(10).First().Code;
        var report = Report(cell);
        var first = new PendingReport(cell, report);
        Assert.True(await dispatcher.DispatchAsync([first]));
        var caseId = (await first.Receipt.Task).CaseId;
        Assert.True(await dispatcher.FlushAsync());
        var caseGrain = fixture.Grains.GetGrain<ICaseGrain>(GrainKeys.Case(caseId));
        await fixture.Cluster.DeactivateAsync(caseGrain);
        await DeleteStoredCaseAsync(caseId);
        Assert.Null(await caseGrain.GetAsync());

        var replayed = new PendingReport(cell, report);
        Assert.True(await dispatcher.DispatchAsync([replayed], replaying: true));

        Assert.Equal((ReportOutcomeKind.Created, caseId), ((await replayed.Receipt.Task).Outcome, (await replayed.Receipt.Task).CaseId));
        Assert.Equal(report.ExternalId, Assert.Single((await caseGrain.GetAsync())!.Reporters).ExternalId);
        var snapshot = await fixture.Grains.GetGrain<IGridCellGrain>(GrainKeys.Cell(cell)).GetSnapshotAsync();
        Assert.Equal(1, snapshot.Counters.OpenCases);
    }

    private async Task DeleteStoredCaseAsync(string caseId)
    {
        await using var connection = await fixture.Storage.GetConnection().OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM gov_grain_state WHERE state_name = 'case' AND grain_id LIKE '%{GrainKeys.Case(caseId)}'";
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private IncomingReport Report(string cellId, string? category = null)
    {
        var centre = fixture.City.Cells.Single(c => c.Code == cellId).Centroid;
        return new IncomingReport(
            $"dispatch-{Guid.NewGuid():N}", ReportChannel.GridWorker, category ?? $"test.d{Guid.NewGuid():N}"[..20], "A tree fell across the lane.",
            new GeoLocation(centre.Latitude, centre.Longitude), DateTimeOffset.UtcNow, "worker-7");
    }
}
