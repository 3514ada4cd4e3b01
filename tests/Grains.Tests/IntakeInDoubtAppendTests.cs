using Governance.Contracts.Cases;
using Governance.Grains.Tests.Infrastructure;
using Governance.Intake.Journal;
using Governance.Intake.Pipeline;
using Governance.Silo.Storage;

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
        await using var pipeline = await TestIntake.StartAsync(fixture, journal);
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
    private sealed class FirstAppendLostOnTheWayBack(IIntakeJournal inner) : DelegatingJournal(inner)
    {
        private int _appends;

        public override async Task AppendAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken = default)
        {
            await base.AppendAsync(entries, cancellationToken);
            if (Interlocked.Increment(ref _appends) == 1)
            {
                throw new IOException("The connection was closed while waiting for the commit's reply.");
            }
        }
    }
}
