using Governance.Contracts.Cases;
using Governance.Grains.Storage;
using Governance.Silo.Storage;
using Governance.Silo.Storage.ReportLinks;
using Microsoft.Extensions.Logging.Abstractions;

namespace Governance.Silo.Tests.Storage;

/// <summary>The report link store on every provider: a report keeps its first link, and lookups and lists find them.</summary>
public abstract class ReportLinkStoreContract
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.FromHours(8));

    protected abstract Task<StorageTarget> NewTargetAsync();

    /// <summary>A statement that leaves the store unable to commit until the schema is applied again.</summary>
    protected abstract string BreakLinkTableSql { get; }

    [SkippableFact]
    public async Task Add_KeepsEachReportsFirstLink()
    {
        using var target = await StorageCluster.PrepareAsync(NewTargetAsync);
        await using var store = NewStore(target, "links-a");

        await store.AddAsync([Link("r1", "c1", Noon), Link("r2", "c1", Noon.AddMinutes(1))]);
        await store.AddAsync([Link("r1", "c9", Noon), Link("r3", "c1", Noon.AddMinutes(-1))]);

        var found = await store.FindAsync(["r1", "r3", "never"]);
        Assert.Equal(["r1", "r3"], found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("c1", "cell-c1"), (found["r1"].CaseId, found["r1"].CaseCellId));
        Assert.Equal(Link("r3", "c1", Noon.AddMinutes(-1)).Reporter, found["r3"].Reporter);
        Assert.Equal(new Dictionary<string, int> { ["c1"] = 3 }, await store.CountByCasesAsync(["c1", "c9"]));
        Assert.Empty(await store.CountByCasesAsync([]));
        Assert.Equal(["r3", "r1", "r2"], (await store.ListByCaseAsync("c1")).Select(l => l.ReportId));
    }

    [SkippableFact]
    public async Task ManyCallersAtOnce_AllStored_AndServicesDoNotSeeEachOther()
    {
        using var target = await StorageCluster.PrepareAsync(NewTargetAsync);
        await using var store = NewStore(target, "links-b");
        await using var other = NewStore(target, "links-c");

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => store.AddAsync([Link($"r{i}", $"c{i % 7}", Noon.AddSeconds(i))])));
        var lookups = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => store.FindAsync([$"r{i}", $"r{i + 1000}"])));

        Assert.All(Enumerable.Range(0, 200), i => Assert.Equal($"c{i % 7}", Assert.Single(lookups[i]).Value.CaseId));
        Assert.Equal(200, (await store.CountByCasesAsync([.. Enumerable.Range(0, 7).Select(c => $"c{c}")])).Values.Sum());
        Assert.Empty(await other.FindAsync(["r1"]));
    }

    [SkippableFact]
    public async Task Stored_CompletesOnlyOnceEveryLinkAddedBeforeIsStored()
    {
        using var target = await StorageCluster.PrepareAsync(NewTargetAsync);
        // Links would otherwise wait far longer than the test: the barrier itself must have them committed.
        await using var store = NewStore(target, "links-d", linger: TimeSpan.FromMinutes(10));
        var adds = Enumerable.Range(0, 300).Select(i => store.AddAsync([Link($"r{i}", $"c{i % 3}", Noon.AddSeconds(i))])).ToList();

        await store.StoredAsync().WaitAsync(TimeSpan.FromSeconds(60));

        // Counted before any add is awaited: the rows are committed when the barrier completes.
        Assert.Equal(300, (await store.CountByCasesAsync(["c0", "c1", "c2"])).Values.Sum());
        await Task.WhenAll(adds).WaitAsync(TimeSpan.FromSeconds(30));
    }

    [SkippableFact]
    public async Task StoredByNextCommit_WaitsForACommitWithoutForcingOne()
    {
        using var target = await StorageCluster.PrepareAsync(NewTargetAsync);
        await using var store = NewStore(target, "links-g", linger: TimeSpan.FromMinutes(10));
        var add = store.AddAsync([Link("r1", "c1", Noon)]);

        var lazy = store.StoredByNextCommitAsync();
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.False(lazy.IsCompleted, "nothing commits for ten minutes unless asked to");
        Assert.Empty(await store.CountByCasesAsync(["c1"]));

        await store.StoredAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await lazy.WaitAsync(TimeSpan.FromSeconds(30));
        await add.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, (await store.CountByCasesAsync(["c1"]))["c1"]);
    }

    [SkippableFact]
    public async Task StoredByNextCommit_CompletesWithTheCommitTheLingerMakes()
    {
        using var target = await StorageCluster.PrepareAsync(NewTargetAsync);
        await using var store = NewStore(target, "links-h", linger: TimeSpan.FromMilliseconds(200));
        var add = store.AddAsync([Link("r1", "c1", Noon)]);

        await store.StoredByNextCommitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, (await store.CountByCasesAsync(["c1"]))["c1"]);
        await add.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [SkippableFact]
    public async Task Find_SeesLinksNotYetCommitted_AndAStoredLinkWins()
    {
        using var target = await StorageCluster.PrepareAsync(NewTargetAsync);
        await using var store = NewStore(target, "links-f", linger: TimeSpan.FromMinutes(10));
        var first = store.AddAsync([Link("r1", "c1", Noon)]);
        await store.StoredAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await first;

        // Gathering for ten minutes: only the lookup's own view of what was added can answer for them.
        var adding = store.AddAsync([Link("r2", "c2", Noon), Link("r1", "c9", Noon)]);
        var found = await store.FindAsync(["r1", "r2", "never"]);

        Assert.False(adding.IsCompleted, "the links must still be gathering for this test to mean anything");
        Assert.Equal(("c1", "c2"), (found["r1"].CaseId, found["r2"].CaseId));
        Assert.Equal(2, found.Count);
        Assert.Empty(await store.CountByCasesAsync(["c2"]));
        await store.StoredAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("c2", (await store.FindAsync(["r2"]))["r2"].CaseId);
    }

    [SkippableFact]
    public async Task AFailedCommit_IsTriedAgain_UntilTheLinksAreStored()
    {
        using var target = await StorageCluster.PrepareAsync(NewTargetAsync);
        await using var store = NewStore(target, "links-e");
        await Sql.ExecuteAsync(target.Connection, BreakLinkTableSql);

        var add = store.AddAsync([Link("r1", "c1", Noon)]);
        var stored = store.StoredAsync();
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.False(add.IsCompleted, "the commit cannot succeed without its table, and must not fail its caller either");
        Assert.False(stored.IsCompleted);
        await SchemaInstaller.ApplyAsync(target.Options);

        await add.WaitAsync(TimeSpan.FromSeconds(30));
        await stored.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, (await store.CountByCasesAsync(["c1"]))["c1"]);
    }

    private static SqlReportLinkStore NewStore(StorageTarget target, string serviceId, TimeSpan? linger = null) =>
        new(target.Connection, serviceId, NullLogger<SqlReportLinkStore>.Instance, linger);

    protected static ReportLink Link(string reportId, string caseId, DateTimeOffset at) =>
        new(reportId, caseId, $"cell-{caseId}", new ReporterEntry($"resident-{reportId}", ReportChannel.CitizenApp, $"ext-{reportId}", at));
}
