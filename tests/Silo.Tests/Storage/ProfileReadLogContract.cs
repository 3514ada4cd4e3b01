using Governance.Contracts.Audit;
using Governance.Silo.Storage;
using Governance.Silo.Storage.Audit;

namespace Governance.Silo.Tests.Storage;

/// <summary>What <see cref="SqlProfileReadLog"/> must do on every provider: keep each read, list them newest first, by resident or reader, a page at a time.</summary>
public abstract class ProfileReadLogContract
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 8, 30, 0, TimeSpan.Zero);

    protected abstract Task<StorageTarget> NewTargetAsync();

    [SkippableFact]
    public async Task Reads_AreKept_AndListedNewestFirst_ByResidentOrReader_APageAfterAnother()
    {
        using var target = await NewTargetAsync();
        await SchemaInstaller.ApplyAsync(target.Options);
        var log = new SqlProfileReadLog(target.Connection);
        await log.LogAsync(new ProfileRead("w1", "Li Hua", "grid-worker", "r1", "ResidentService.GetResident", At));
        await log.LogAsync(new ProfileRead("ca1", "Zhao Ming", "civil-affairs", "r1", "ResidentService.UpdateResident", At.AddMinutes(1)));
        await log.LogAsync(new ProfileRead("w1", "Li Hua", "grid-worker", "r2", "ResidentService.GetResident", At.AddMinutes(2)));

        var all = await log.ListAsync(new ProfileReadQuery("", "", 10));
        var ofR1 = await log.ListAsync(new ProfileReadQuery("r1", "", 10));
        var byW1 = await log.ListAsync(new ProfileReadQuery("", "w1", 10));
        var both = await log.ListAsync(new ProfileReadQuery("r1", "w1", 10));
        var firstPage = await log.ListAsync(new ProfileReadQuery("", "", 2));
        var nextPage = await log.ListAsync(new ProfileReadQuery("", "", 2) { BeforeSequence = firstPage[^1].Sequence });

        Assert.Equal(["r2", "r1", "r1"], all.Select(read => read.ResidentId));
        Assert.Equal(
            new ProfileRead("ca1", "Zhao Ming", "civil-affairs", "r1", "ResidentService.UpdateResident", At.AddMinutes(1)) { Sequence = all[1].Sequence },
            all[1]);
        Assert.True(all[0].Sequence > all[1].Sequence && all[1].Sequence > all[2].Sequence);
        Assert.Equal(["ca1", "w1"], ofR1.Select(read => read.ReaderId));
        Assert.Equal(["r2", "r1"], byW1.Select(read => read.ResidentId));
        Assert.Equal(("w1", "r1"), (Assert.Single(both).ReaderId, both[0].ResidentId));
        Assert.Equal(all.Take(2), firstPage);
        Assert.Equal(all.Skip(2), nextPage);
    }
}

public sealed class SqliteProfileReadLogTests : ProfileReadLogContract
{
    protected override Task<StorageTarget> NewTargetAsync() => Task.FromResult(StorageTarget.NewSqlite());
}

[Collection(TestSupport.PostgresFixture.CollectionName)]
public sealed class PostgresProfileReadLogTests(TestSupport.PostgresFixture postgres) : ProfileReadLogContract
{
    protected override Task<StorageTarget> NewTargetAsync() => StorageTarget.NewPostgresAsync(postgres);
}
