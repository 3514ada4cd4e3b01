using Governance.Contracts.Cases;
using Governance.Contracts.Common;
using Governance.Intake.Journal;
using Governance.Silo.Storage;

namespace Governance.Silo.Tests.Storage;

/// <summary>What <see cref="SqlIntakeJournal"/> must do on every provider; subclasses supply the database.</summary>
public abstract class IntakeJournalContract
{
    protected abstract Task<StorageTarget> NewTargetAsync();

    [SkippableFact]
    public async Task Append_ThenReadAfter_ReturnsTheEntriesInOrderWithEveryField()
    {
        var (target, journal) = await NewJournalAsync("main");
        using var _ = target;
        var entries = Enumerable.Range(1, 5).Select(Entry).ToList();

        await journal.AppendAsync(entries);

        var read = await journal.ReadAfterAsync(2, 10);
        Assert.Equal(entries.Skip(2).Select(e => e.Sequence), read.Select(e => e.Sequence));
        Assert.Equal(entries[2], read[0]);
        Assert.Equal((0L, 5L), await journal.GetPositionAsync());
        Assert.Equal(2, (await journal.ReadAfterAsync(0, 2)).Count);
    }

    [SkippableFact]
    public async Task Checkpoint_DropsEntriesUpToIt_AndIsRemembered()
    {
        var (target, journal) = await NewJournalAsync("main");
        using var _ = target;
        await journal.AppendAsync(Enumerable.Range(1, 6).Select(Entry).ToList());

        await journal.CheckpointAsync(4);

        Assert.Equal([5L, 6L], (await journal.ReadAfterAsync(0, 100)).Select(e => e.Sequence));
        Assert.Equal((4L, 6L), await journal.GetPositionAsync());
        await journal.CheckpointAsync(6);
        Assert.Equal((6L, 6L), await journal.GetPositionAsync());
        Assert.Empty(await journal.ReadAfterAsync(0, 100));
    }

    [SkippableFact]
    public async Task Checkpoint_PastManyEntries_DropsThemAll_WhileAppendsGoOn()
    {
        // More entries than one trimming step takes (SQLite trims in steps, so that appends take turns in between).
        var (target, journal) = await NewJournalAsync("main");
        using var _ = target;
        await journal.AppendAsync(Enumerable.Range(1, 7_000).Select(Entry).ToList());

        var checkpoint = journal.CheckpointAsync(6_500);
        await journal.AppendAsync(Enumerable.Range(7_001, 10).Select(Entry).ToList());
        await checkpoint;

        Assert.Equal(510, (await journal.ReadAfterAsync(0, 10_000)).Count);
        Assert.Equal((6_500L, 7_010L), await journal.GetPositionAsync());
        await journal.CheckpointAsync(7_010);
        Assert.Empty(await journal.ReadAfterAsync(0, 10_000));
    }

    [SkippableFact]
    public async Task Journals_OfTwoWriters_DoNotSeeEachOther()
    {
        var (target, first) = await NewJournalAsync("gateway-a");
        using var _ = target;
        var second = new SqlIntakeJournal(target.Options, "gateway-b");
        await first.AppendAsync([Entry(1), Entry(2)]);
        await second.AppendAsync([Entry(1)]);

        await first.CheckpointAsync(2);

        Assert.Equal((2L, 2L), await first.GetPositionAsync());
        Assert.Equal((0L, 1L), await second.GetPositionAsync());
        Assert.Single(await second.ReadAfterAsync(0, 10));
    }

    [SkippableFact]
    public async Task Append_ASequenceTwice_FailsAndStoresNothingOfThatBatch()
    {
        var (target, journal) = await NewJournalAsync("main");
        using var _ = target;
        await journal.AppendAsync([Entry(1)]);

        await Assert.ThrowsAnyAsync<Exception>(() => journal.AppendAsync([Entry(2), Entry(1)]));

        Assert.Equal([1L], (await journal.ReadAfterAsync(0, 10)).Select(e => e.Sequence));
    }

    private static JournalEntry Entry(int sequence) => new(
        sequence,
        $"area.{sequence}.7",
        new IncomingReport(
            $"ext-{sequence}", ReportChannel.Hotline, "water.leak", $"Leak number {sequence}, 王家门口",
            sequence % 2 == 0 ? new GeoLocation(30.5 + (sequence / 1000.0), 114.3) : null,
            new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.FromHours(8)).AddMinutes(sequence),
            "operator-3"));

    private async Task<(StorageTarget Target, SqlIntakeJournal Journal)> NewJournalAsync(string name)
    {
        var target = await NewTargetAsync();
        await SchemaInstaller.ApplyAsync(target.Options);
        return (target, new SqlIntakeJournal(target.Options, name));
    }
}
