using Governance.Contracts;
using Governance.Contracts.Cases;
using Governance.Contracts.Cells;
using Governance.Grains.Tests.Infrastructure;
using Governance.Intake.Pipeline;
using Governance.Silo.Storage;

namespace Governance.Grains.Tests;

/// <summary>
/// A checkpoint whose flush finds a cell's activation lost (its silo died holding reports it had not stored) empties the
/// list of cells to flush: a checkpoint right after it, before the replay, would store only what came since and pass the
/// lost reports. The soak found this: a few acknowledged reports had no case after a silo was killed.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class IntakeLostActivationTests(GrainClusterFixture fixture)
{
    private static readonly TimeSpan ReplayTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task AfterAFlushFindsAnActivationLost_NoCheckpointPassesItsReports_UntilTheyAreReplayed()
    {
        var journal = new SqlIntakeJournal(fixture.Storage, $"lost-{Guid.NewGuid():N}"[..20]);
        await using var pipeline = await TestIntake.StartAsync(fixture, journal);
        var cell = fixture.City.Cells.Reverse().Skip(30).First().Code;
        var lost = await pipeline.SubmitAsync(cell, fixture.ReportAtCentre(cell, "lost", "The manhole cover is missing."), waitForRoom: true, CancellationToken.None);

        // As when the cell's silo dies: the activation that took the report goes, and what it had not stored goes with it.
        await fixture.LoseUnstoredCaseAsync(cell, lost.CaseId);
        var lostCase = fixture.Grains.GetGrain<ICaseGrain>(GrainKeys.Case(lost.CaseId));
        Assert.Null(await lostCase.GetAsync());

        Assert.False(await pipeline.CheckpointAsync());
        Assert.False(await pipeline.CheckpointAsync());
        Assert.Equal(0, (await journal.GetPositionAsync()).Checkpoint);

        // The next report wakes the dispatch loop, which replays: the lost case is back, and then a checkpoint passes it.
        await pipeline.SubmitAsync(cell, fixture.ReportAtCentre(cell, "lost", "The manhole cover is missing."), waitForRoom: true, CancellationToken.None);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await lostCase.GetAsync() is null)
        {
            Assert.True(waited.Elapsed < ReplayTimeout, $"The lost report was not replayed within {ReplayTimeout.TotalSeconds} s.");
            await Task.Delay(50);
        }

        Assert.True(await pipeline.CheckpointAsync());
        Assert.Equal(2, (await journal.GetPositionAsync()).Checkpoint);
        await fixture.Cluster.DeactivateAsync(fixture.Grains.GetGrain<IGridCellGrain>(GrainKeys.Cell(cell)));
        await fixture.Cluster.DeactivateAsync(lostCase);
        Assert.Equal(lost.CaseId, (await lostCase.GetAsync())?.CaseId);
    }
}
