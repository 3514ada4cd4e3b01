using Governance.Contracts.Cases;
using Governance.Grains.Tests.Infrastructure;
using Governance.Intake.Journal;
using Governance.Intake.Pipeline;
using Governance.Silo.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Governance.Grains.Tests;

/// <summary>
/// An append whose commit reached the journal but whose answer did not (a database restarting, a connection cut while
/// committing) must not stop intake: the reports after it go on, after it.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class IntakeInDoubtAppendTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task AnAppendStoredButReportedFailed_IsRefused_AndTheNextReportsAreTaken()
    {
        var journal = new FirstAppendLostOnTheWayBack(new SqlIntakeJournal(fixture.Storage, $"doubt-{Guid.NewGuid():N}"[..20]));
        var options = Options.Create(new IntakeOptions { CheckpointIntervalMilliseconds = 600_000 });
        await using var pipeline = new IntakePipeline(journal, fixture.Grains, options, TimeProvider.System, NullLogger<IntakePipeline>.Instance);
        await pipeline.StartAsync(CancellationToken.None);
        var cell = fixture.City.Cells.Reverse().Skip(20).First().Code;
        var refused = fixture.ReportAtCentre(cell, "doubt", "The street light is out.");

        await Assert.ThrowsAsync<IntakeUnavailableException>(() => pipeline.SubmitAsync(cell, refused, waitForRoom: true, CancellationToken.None));
        var next = await pipeline.SubmitAsync(cell, fixture.ReportAtCentre(cell, "doubt", "The street light is out."), waitForRoom: true, CancellationToken.None);
        var resent = await pipeline.SubmitAsync(cell, refused, waitForRoom: true, CancellationToken.None);

        Assert.Equal(ReportOutcomeKind.Created, next.Outcome);
        // The refused report was never processed, so its retry opens its case, once.
        Assert.Equal(ReportOutcomeKind.Created, resent.Outcome);
        Assert.NotEqual(next.CaseId, resent.CaseId);
        var (_, last) = await journal.GetPositionAsync();
        Assert.Equal(3, last);
    }

    /// <summary>The real journal, whose first append is stored and then answered with the error a lost commit reply gives.</summary>
    private sealed class FirstAppendLostOnTheWayBack(IIntakeJournal inner) : IIntakeJournal
    {
        private int _appends;

        public async Task AppendAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken = default)
        {
            await inner.AppendAsync(entries, cancellationToken);
            if (Interlocked.Increment(ref _appends) == 1)
            {
                throw new IOException("The connection was closed while waiting for the commit's reply.");
            }
        }

        public Task<IReadOnlyList<JournalEntry>> ReadAfterAsync(long sequence, int max, CancellationToken cancellationToken = default) =>
            inner.ReadAfterAsync(sequence, max, cancellationToken);

        public Task<(long Checkpoint, long Last)> GetPositionAsync(CancellationToken cancellationToken = default) => inner.GetPositionAsync(cancellationToken);

        public Task CheckpointAsync(long sequence, CancellationToken cancellationToken = default) => inner.CheckpointAsync(sequence, cancellationToken);
    }
}
