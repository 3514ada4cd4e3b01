using Governance.Contracts;
using Governance.Contracts.Cases;
using Governance.Contracts.Cells;
using Governance.Grains.Tests.Infrastructure;
using Governance.Intake.Journal;
using Governance.Intake.Pipeline;
using Governance.Silo.Storage;

namespace Governance.Grains.Tests;

/// <summary>
/// A replay after the checkpoint reads the journal; while the database is down that read fails. Intake must go on once
/// it is back, and replay then. PostgresRestartTests found the dispatch loop ended by such a read: every later report
/// was journaled and never answered.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class IntakeReplayFailureTests(GrainClusterFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task AReplayWhoseJournalReadFails_IsTriedAgain_AndIntakeGoesOn()
    {
        var journal = new ReadsFailWhileDown(new SqlIntakeJournal(fixture.Storage, $"replay-{Guid.NewGuid():N}"[..20]));
        await using var pipeline = await TestIntake.StartAsync(fixture, journal);
        var cell = fixture.City.Cells.Reverse().Skip(40).First().Code;
        var lost = await pipeline.SubmitAsync(cell, fixture.ReportAtCentre(cell, "replay", "Water is leaking from the main."), waitForRoom: true, CancellationToken.None);

        // The cell's activation goes with what it had not stored, so the next report asks for a replay; the journal's
        // reads fail meanwhile.
        await fixture.LoseUnstoredCaseAsync(cell, lost.CaseId);
        journal.Down = true;
        await pipeline.SubmitAsync(cell, fixture.ReportAtCentre(cell, "replay", "Water is leaking from the main."), waitForRoom: true, CancellationToken.None);
        await WaitUntilAsync(() => journal.FailedReads > 0, "no replay tried to read the journal");
        // Past the failed replay's handling, and well before the next try (a second later).
        await Task.Delay(100);
        Assert.False(await pipeline.CheckpointAsync());
        Assert.Equal(0, (await journal.GetPositionAsync()).Checkpoint);

        // Back: reports are answered again, the lost case is replayed, and then a checkpoint passes it.
        journal.Down = false;
        var after = await pipeline.SubmitAsync(cell, fixture.ReportAtCentre(cell, "replay", "Water is leaking from the main."), waitForRoom: true, CancellationToken.None)
            .WaitAsync(Patience);
        Assert.False(string.IsNullOrEmpty(after.CaseId));
        var lostCase = fixture.Grains.GetGrain<ICaseGrain>(GrainKeys.Case(lost.CaseId));
        await WaitUntilAsync(async () => await lostCase.GetAsync() is not null, "the lost report was not replayed");
        Assert.True(await pipeline.CheckpointAsync());
        Assert.Equal(3, (await journal.GetPositionAsync()).Checkpoint);
    }

    [Fact]
    public async Task ReplaysThatFailSlowly_AreStillASecondApart()
    {
        // Each failed read takes longer than the gap between replays: a gap counted from a replay's start would give none.
        var journal = new ReadsFailWhileDown(new SqlIntakeJournal(fixture.Storage, $"slow-{Guid.NewGuid():N}"[..20])) { FailAfter = TimeSpan.FromSeconds(1.5) };
        await using var pipeline = await TestIntake.StartAsync(fixture, journal);
        var cell = fixture.City.Cells.Reverse().Skip(41).First().Code;
        await pipeline.SubmitAsync(cell, fixture.ReportAtCentre(cell, "slow", "A tree has fallen across the path."), waitForRoom: true, CancellationToken.None);
        await fixture.Cluster.DeactivateAsync(fixture.Grains.GetGrain<IGridCellGrain>(GrainKeys.Cell(cell)));
        journal.Down = true;
        await pipeline.SubmitAsync(cell, fixture.ReportAtCentre(cell, "slow", "A tree has fallen across the path."), waitForRoom: true, CancellationToken.None);

        // Reports to another cell meanwhile wake the dispatch loop again and again, as under load.
        var other = fixture.City.Cells.Reverse().Skip(42).First().Code;
        using var stop = new CancellationTokenSource();
        var flowing = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await pipeline.SubmitAsync(other, fixture.ReportAtCentre(other, "slow", "The bin is overflowing."), waitForRoom: true, CancellationToken.None);
                await Task.Delay(50, CancellationToken.None);
            }
        });

        await WaitUntilAsync(() => journal.FailedReads >= 3, "three replays did not try to read the journal");
        journal.Down = false;
        await stop.CancelAsync();
        await flowing;
        var reads = journal.Reads;
        for (var i = 1; i < 3; i++)
        {
            var gap = reads[i].Started - reads[i - 1].Ended;
            Assert.True(gap >= TimeSpan.FromSeconds(0.9), $"Replay {i + 1} started {gap.TotalMilliseconds:F0} ms after replay {i} failed.");
        }
    }

    private static Task WaitUntilAsync(Func<bool> done, string failure) => WaitUntilAsync(() => Task.FromResult(done()), failure);

    private static async Task WaitUntilAsync(Func<Task<bool>> done, string failure)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await done())
        {
            Assert.True(waited.Elapsed < Patience, $"Within {Patience.TotalSeconds} s, {failure}.");
            await Task.Delay(50);
        }
    }

    /// <summary>The real journal, whose reads fail as a stopped database's do while <see cref="Down"/> is set.</summary>
    private sealed class ReadsFailWhileDown(IIntakeJournal inner) : DelegatingJournal(inner)
    {
        private readonly List<(TimeSpan Started, TimeSpan Ended)> _failedReads = [];
        private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

        public volatile bool Down;

        /// <summary>How long a read takes to fail (a connection attempt timing out, say).</summary>
        public TimeSpan FailAfter { get; init; } = TimeSpan.Zero;

        public int FailedReads
        {
            get
            {
                lock (_failedReads)
                {
                    return _failedReads.Count;
                }
            }
        }

        /// <summary>When each failed read started and ended, since the journal was made.</summary>
        public IReadOnlyList<(TimeSpan Started, TimeSpan Ended)> Reads
        {
            get
            {
                lock (_failedReads)
                {
                    return [.. _failedReads];
                }
            }
        }

        public override async Task<IReadOnlyList<JournalEntry>> ReadAfterAsync(long sequence, int max, CancellationToken cancellationToken = default)
        {
            if (!Down)
            {
                return await base.ReadAfterAsync(sequence, max, cancellationToken);
            }

            var started = _clock.Elapsed;
            if (FailAfter > TimeSpan.Zero)
            {
                await Task.Delay(FailAfter, cancellationToken);
            }

            lock (_failedReads)
            {
                _failedReads.Add((started, _clock.Elapsed));
            }

            throw new IOException("The database closed the connection.");
        }
    }
}
