using System.Text.Json;
using Governance.Contracts.Common;
using Governance.Contracts.Households;
using Governance.Contracts.Residents;
using Governance.Grains.Storage;
using Governance.Silo.Storage;
using Governance.Silo.Storage.People;

namespace Governance.Silo.Tests.Storage;

/// <summary>What <see cref="SqlPeopleIndex"/> must do on every provider; subclasses supply the database.</summary>
public abstract class PeopleIndexContract
{
    protected abstract Task<StorageTarget> NewTargetAsync();

    [SkippableFact]
    public async Task Searches_MatchEveryFilterGiven_InNameThenIdOrder_APageAfterAnother()
    {
        var (target, index) = await NewIndexAsync();
        using var _ = target;
        await PutAsync(index, "r3", "h1", "c1", "Zhang Wei", ["elderly-alone"]);
        await PutAsync(index, "r1", "h1", "c1", "Zhang Li", []);
        await PutAsync(index, "r2", "h2", "c1", "Zhang Wei", ["disabled", "elderly-alone"]);
        await PutAsync(index, "r4", "h3", "c2", "Zhao Min", ["elderly-alone"]);
        await PutAsync(index, "r5", "h3", "c2", "张伟", ["low-income"]);

        var inCell = await SearchAsync(index, new ResidentSearch("c1", "", "", "", 10));
        var firstPage = await SearchAsync(index, new ResidentSearch("c1", "", "", "", 2));
        var secondPage = await SearchAsync(index, new ResidentSearch("c1", "", "", "", 2) { AfterName = "Zhang Wei", AfterId = "r2" });
        var tagged = await SearchAsync(index, new ResidentSearch("", "elderly-alone", "", "", 10));
        var byName = await SearchAsync(index, new ResidentSearch("", "", "Zhang", "", 10));
        var byChineseName = await SearchAsync(index, new ResidentSearch("", "", "张", "", 10));
        var household = await SearchAsync(index, new ResidentSearch("", "", "", "h3", 10));
        var all = await SearchAsync(index, new ResidentSearch("c1", "disabled", "Zhang W", "h2", 10));
        var tagPrefixOnly = await SearchAsync(index, new ResidentSearch("", "elderly", "", "", 10));

        Assert.Equal(["r1", "r2", "r3"], inCell);
        Assert.Equal(["r1", "r2"], firstPage);
        Assert.Equal(["r3"], secondPage);
        Assert.Equal(["r2", "r3", "r4"], tagged);
        Assert.Equal(["r1", "r2", "r3"], byName);
        Assert.Equal(["r5"], byChineseName);
        Assert.Equal(["r4", "r5"], household);
        Assert.Equal(["r2"], all);
        Assert.Empty(tagPrefixOnly);
    }

    [SkippableFact]
    public async Task AnIdNumber_BelongsToOneFile_WhichMayBeWrittenAgain()
    {
        var (target, index) = await NewIndexAsync();
        using var _ = target;

        var first = await index.PutResidentAsync(Row("r1", "h1", "c1", "Li Na", [], "hash-a"));
        var again = await index.PutResidentAsync(Row("r1", "h2", "c1", "Li Na", ["disabled"], "hash-a"));
        var twin = await index.PutResidentAsync(Row("r2", "h1", "c1", "Li Na", [], "hash-a"));
        var listed = await index.SearchResidentsAsync(new ResidentSearch("", "", "Li", "", 10));

        Assert.Equal((true, true, false), (first, again, twin));
        var row = Assert.Single(listed);
        Assert.Equal(("r1", "h2"), (row.ResidentId, row.HouseholdId));
        Assert.Equal(["disabled"], row.Tags.ToArray());
    }

    [SkippableFact]
    public async Task AHouseholdThatMoves_TakesItsMembersToItsCell_AndCellsListTheirHouseholds()
    {
        var (target, index) = await NewIndexAsync();
        using var _ = target;
        await index.PutHouseholdAsync(Household("h1", "c1"));
        await index.PutHouseholdAsync(Household("h2", "c1"));
        await index.PutHouseholdAsync(Household("h0", "c1"));
        await PutAsync(index, "r1", "h1", "c1", "Chen Jie", []);
        await PutAsync(index, "r2", "h2", "c1", "Chen Hao", []);

        await index.PutHouseholdAsync(Household("h1", "c9"));

        Assert.Equal(["r1"], await SearchAsync(index, new ResidentSearch("c9", "", "", "", 10)));
        Assert.Equal(["r2"], await SearchAsync(index, new ResidentSearch("c1", "", "", "", 10)));
        Assert.Equal(["h0", "h2"], await index.HouseholdsInCellAsync("c1", "", 10));
        Assert.Equal(["h2"], await index.HouseholdsInCellAsync("c1", "h0", 10));
        Assert.Equal(["h1"], await index.HouseholdsInCellAsync("c9", "", 10));
    }

    [SkippableFact]
    public async Task TheRegistersPeople_AreIndexedOnce_WithTheirHouseholdsCells()
    {
        var (target, index) = await NewIndexAsync();
        using var _ = target;
        var registry = new SqlRegistryStore(target.Options);
        var household = new HouseholdDetails("h1", "c7", "1 Bank Street", new GeoLocation(30.5, 114.3), 20, 1, 5, "brick-concrete", 1990, false, ["r1"]);
        var resident = new ResidentDetails("r1", "h1", "Sun Li", "female", new DateOnly(1950, 1, 1), "110101195001010021", "", "head", ["elderly-alone"]);
        await registry.UpsertManyAsync(
        [
            new RegistryRecord(RegistryKinds.Household, "h1", "c7", JsonSerializer.Serialize(household, RegisterSeed.Json)),
            new RegistryRecord(RegistryKinds.Resident, "r1", "c7", JsonSerializer.Serialize(resident, RegisterSeed.Json)),
        ]);

        var filled = await index.FillFromRegisterAsync();
        var again = await index.FillFromRegisterAsync();
        var twin = await index.PutResidentAsync(Row("r2", "h1", "c7", "Sun Li", [], PeopleHashes.IdNumber("110101195001010021")));

        Assert.Equal((1L, 0L, false), (filled, again, twin));
        Assert.Equal(["r1"], await SearchAsync(index, new ResidentSearch("c7", "elderly-alone", "Sun", "h1", 10)));
        Assert.Equal(["h1"], await index.HouseholdsInCellAsync("c7", "", 10));
        Assert.Equal([HouseholdRow.Of(household)], await index.HouseholdRowsAsync(["h1"]));
    }

    [SkippableFact]
    public async Task DueVisits_AreListedPerCellAndPerWorker_SoonestFirst_AndAMissedOneIsMarkedOnce()
    {
        var (target, index) = await NewIndexAsync();
        using var _ = target;
        var t0 = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        await PutAsync(index, "r1", "h1", "c1", "He Ping", []);
        await index.PutHouseholdAsync(Household("h1", "c1"));
        await index.PutVisitsDueAsync("r1", "c1", "He Ping", [Due("check", t0.AddDays(2)), Due("call", t0)]);
        await index.PutVisitsDueAsync("r2", "c2", "Ma Lin", [Due("check", t0.AddDays(1))]);
        await index.PutVisitsDueAsync("r3", "c1", "Gao Yu", [Due("meals", t0.AddDays(-3))]);
        await index.AssignWorkerAsync("c1", "w1");
        await index.AssignWorkerAsync("c2", "w1");
        await index.AssignWorkerAsync("c2", "w2");

        var inCell = await index.ListDueVisitsAsync(new DueVisitQuery("c1", "", t0.AddDays(10), 10));
        var ofWorker = await index.ListDueVisitsAsync(new DueVisitQuery("", "w1", t0.AddDays(10), 10));
        var ofOther = await index.ListDueVisitsAsync(new DueVisitQuery("", "w2", t0.AddDays(1.5), 10));
        var secondPage = await index.ListDueVisitsAsync(new DueVisitQuery("c1", "", t0.AddDays(10), 10) { AfterDueAt = t0, AfterResidentId = "r1", AfterKind = "call" });
        var missed = await index.OverdueWithoutCaseAsync(t0.AddDays(0.5), 10);
        await index.MarkCaseOpenedAsync("r3", "meals", t0.AddDays(-3), "c-one");
        var missedAfterMark = await index.OverdueWithoutCaseAsync(t0.AddDays(0.5), 10);
        await index.PutVisitsDueAsync("r3", "c1", "Gao Yu", [Due("meals", t0.AddDays(-1))]);
        var missedAgain = await index.OverdueWithoutCaseAsync(t0.AddDays(0.5), 10);
        await index.PutVisitsDueAsync("r1", "c1", "He Ping", [Due("check", t0.AddDays(2))]);
        await index.PutHouseholdAsync(Household("h1", "c5"));
        var moved = await index.ListDueVisitsAsync(new DueVisitQuery("c5", "", t0.AddDays(10), 10));

        Assert.Equal([("r3", "meals"), ("r1", "call"), ("r1", "check")], inCell.Select(v => (v.ResidentId, v.Kind)));
        Assert.Equal([("r3", "meals"), ("r1", "call"), ("r1", "check")], ofWorker.Select(v => (v.ResidentId, v.Kind)));
        Assert.Equal([("r2", "check")], ofOther.Select(v => (v.ResidentId, v.Kind)));
        Assert.Equal((ServiceCadenceKind.Weekly, t0.AddDays(-3), "Gao Yu", "c1"), (inCell[0].Cadence, inCell[0].DueAt, inCell[0].Name, inCell[0].CellId));
        Assert.Equal([("r1", "check")], secondPage.Select(v => (v.ResidentId, v.Kind)));
        Assert.Equal([("r3", "meals"), ("r1", "call")], missed.Select(v => (v.ResidentId, v.Kind)));
        Assert.Equal([("r1", "call")], missedAfterMark.Select(v => (v.ResidentId, v.Kind)));
        Assert.Equal([("r3", "meals"), ("r1", "call")], missedAgain.Select(v => (v.ResidentId, v.Kind)));
        Assert.Equal([("r1", "check")], moved.Select(v => (v.ResidentId, v.Kind)));
        Assert.Equal("w2", await index.WorkerOfAsync("c2"));
    }

    [SkippableFact]
    public async Task AnImport_CreatesWhatIsNew_LeavesWhatIsTheSame_AndRefusesTheRest()
    {
        var (target, index) = await NewIndexAsync();
        using var _ = target;
        var t0 = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        var household = new HouseholdDetails("h1", "c3", "5 Lake Road", new GeoLocation(30.5, 114.3), 18, 2, 6, "brick-concrete", 1995, false, []);
        var resident = new ResidentDetails("r1", "h1", "Luo Fang", "female", new DateOnly(1944, 4, 4), "110101194404040028", "", "head", ["elderly-alone"])
        {
            ServiceNeeds = [new ServiceNeedInfo("health check", ServiceCadenceKind.Weekly)],
        };
        var twin = resident with { ResidentId = "r2" };
        var orphan = resident with { ResidentId = "r3", HouseholdId = "h9", IdNumber = "110101194404040044" };
        var batch = new PeopleImportBatch([household], [resident, twin, orphan]);

        var first = await index.ImportAsync(batch, t0);
        var second = await index.ImportAsync(batch, t0.AddDays(1));
        var changed = await index.ImportAsync(new PeopleImportBatch([household with { Address = "6 Lake Road" }], [resident with { Phone = "13800000000" }]), t0);
        var due = await index.ListDueVisitsAsync(new DueVisitQuery("c3", "", t0.AddDays(1), 10));

        Assert.Equal([ImportOutcomeKind.Created, ImportOutcomeKind.Created, ImportOutcomeKind.Rejected, ImportOutcomeKind.Rejected], first.Select(r => r.Outcome));
        Assert.Equal(("resident.id_number", "resident.household_id"), (first[2].Field, first[3].Field));
        Assert.Equal([ImportOutcomeKind.Unchanged, ImportOutcomeKind.Unchanged, ImportOutcomeKind.Rejected, ImportOutcomeKind.Rejected], second.Select(r => r.Outcome));
        Assert.Equal([("household.household_id", ImportOutcomeKind.Rejected), ("resident.resident_id", ImportOutcomeKind.Rejected)], changed.Select(r => (r.Field, r.Outcome)));
        Assert.Equal(["r1"], await SearchAsync(index, new ResidentSearch("c3", "elderly-alone", "", "h1", 10)));
        Assert.Equal((t0, "health check"), (Assert.Single(due).DueAt, due[0].Kind));
    }

    private static VisitDueRow Due(string kind, DateTimeOffset dueAt) => new(kind, ServiceCadenceKind.Weekly, dueAt, null);

    [SkippableFact]
    public async Task AHouseholdsFloodModelRow_IsWrittenWithIt_AndACellsLowestGroundIsItsLowestHousehold()
    {
        var (target, index) = await NewIndexAsync();
        using var _ = target;
        await index.PutHouseholdAsync(new HouseholdRow("h1", "c1", 21.5, 1, "brick-wood", true, 1978));
        await index.PutHouseholdAsync(new HouseholdRow("h2", "c1", 19.25, 3, "reinforced-concrete", false, 2005));
        await index.PutHouseholdAsync(new HouseholdRow("h3", "c2", 30, 1, "brick-concrete", false, 1990));
        await index.PutHouseholdAsync(new HouseholdRow("h2", "c1", 19.75, 4, "reinforced-concrete", false, 2005));

        var rows = await index.HouseholdRowsAsync(["h1", "h2", "h9"]);
        var lowest = await index.LowestGroundAsync(["c1", "c2", "c9"]);

        Assert.Equal(
            [new HouseholdRow("h1", "c1", 21.5, 1, "brick-wood", true, 1978), new HouseholdRow("h2", "c1", 19.75, 4, "reinforced-concrete", false, 2005)],
            rows.OrderBy(r => r.HouseholdId).ToArray());
        Assert.Equal([("c1", 19.75), ("c2", 30.0)], lowest.OrderBy(p => p.Key).Select(p => (p.Key, p.Value)).ToArray());
    }

    private static HouseholdRow Household(string id, string cell) => new(id, cell, 20, 1, "brick-concrete", false, 1990);

    private async Task<(StorageTarget Target, SqlPeopleIndex Index)> NewIndexAsync()
    {
        var target = await NewTargetAsync();
        await SchemaInstaller.ApplyAsync(target.Options);
        return (target, new SqlPeopleIndex(target.Connection));
    }

    private static Task<bool> PutAsync(SqlPeopleIndex index, string id, string household, string cell, string name, string[] tags) =>
        index.PutResidentAsync(Row(id, household, cell, name, tags, $"hash-{id}"));

    private static ResidentRow Row(string id, string household, string cell, string name, string[] tags, string hash) => new(id, household, cell, name, [.. tags], hash);

    private static async Task<string[]> SearchAsync(SqlPeopleIndex index, ResidentSearch search) =>
        [.. (await index.SearchResidentsAsync(search)).Select(r => r.ResidentId)];
}

public sealed class SqlitePeopleIndexTests : PeopleIndexContract
{
    protected override Task<StorageTarget> NewTargetAsync() => Task.FromResult(StorageTarget.NewSqlite());
}

[Collection(TestSupport.PostgresFixture.CollectionName)]
public sealed class PostgresPeopleIndexTests(TestSupport.PostgresFixture postgres) : PeopleIndexContract
{
    protected override Task<StorageTarget> NewTargetAsync() => StorageTarget.NewPostgresAsync(postgres);
}
