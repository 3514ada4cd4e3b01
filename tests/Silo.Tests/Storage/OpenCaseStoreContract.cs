using Governance.Contracts.Cases;
using Governance.Contracts.Common;
using Governance.Contracts.Evaluation;
using Governance.Grains.Storage;
using Governance.Silo.Storage;
using Governance.Silo.Storage.OpenCases;
using Microsoft.Extensions.Logging.Abstractions;

namespace Governance.Silo.Tests.Storage;

/// <summary>The open case store on every provider: rows replace rows, a cell lists its own, a zone those it can still merge into.</summary>
public abstract class OpenCaseStoreContract
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.FromHours(8));

    protected abstract Task<StorageTarget> NewTargetAsync();

    [SkippableFact]
    public async Task Save_ReplacesARowStoredBefore_AndACellListsItsOwnRowsWithEveryField()
    {
        using var target = await StorageCluster.PrepareAsync(NewTargetAsync);
        await using var store = NewStore(target, "open-a");
        var opened = Row("c1", "cell-1", Noon, new MergeRegistration("zone:0.0", Noon.AddHours(2)));
        // A kind other than the default, to see it stored and read back.
        var registered = opened with { Header = opened.Header with { Kind = CaseKind.Petition } };

        await store.SaveAsync([registered, Row("c2", "cell-1", Noon, merging: null), Row("c3", "cell-2", Noon, merging: null)]);
        var changed = registered with
        {
            Header = registered.Header with { Headline = "Drain blocked and overflowing" },
            Department = "water",
            DueAt = Noon.AddDays(3),
            Facts = new CaseFacts { Registered = true, FirstDispatchedAt = Noon.AddMinutes(40), Postponed = true, RatingSum = 9, RatingCount = 2 },
        };
        await store.SaveAsync([changed]);

        var listed = (await store.ListByCellAsync("cell-1")).OrderBy(r => r.CaseId, StringComparer.Ordinal).ToList();
        Assert.Equal(["c1", "c2"], listed.Select(r => r.CaseId));
        Assert.Equal(changed, listed[0]);
        Assert.Null(listed[1].Merging);
        Assert.Empty(await store.ListByCellAsync("cell-9"));
    }

    [SkippableFact]
    public async Task Description_IsSavedWithANewRow_LeftOutOfLists_AndKeptWhenTheRowChanges()
    {
        using var target = await StorageCluster.PrepareAsync(NewTargetAsync);
        await using var store = NewStore(target, "open-d");
        var opened = Row("c1", "cell-1", Noon, merging: null) with { Description = "The drain at the corner is blocked and the water is rising." };

        await store.SaveAsync([opened]);
        // Saved again as a cell holds it once stored: without its description, which the update must not erase.
        await store.SaveAsync([opened with { Description = null, Header = opened.Header with { Headline = "Drain blocked, water rising" } }]);

        Assert.Equal(opened.Description, await store.FindDescriptionAsync("c1"));
        Assert.Null(Assert.Single(await store.ListByCellAsync("cell-1")).Description);
        Assert.Null(await store.FindDescriptionAsync("never"));
    }

    [SkippableFact]
    public async Task Install_GivesATableMadeBeforeDescriptions_TheColumn_AndKeepsItsRows()
    {
        using var target = await StorageCluster.PrepareAsync(NewTargetAsync);
        // The table as the first version of 06_open_cases.sql made it: one SQL for both providers.
        await Sql.ExecuteAsync(target.Connection, """
            DROP TABLE gov_open_case;
            CREATE TABLE gov_open_case (service_id TEXT NOT NULL, case_id TEXT NOT NULL, cell_id TEXT NOT NULL, category TEXT NOT NULL,
                status INTEGER NOT NULL, opened_at BIGINT NOT NULL, headline TEXT NOT NULL, latitude DOUBLE PRECISION NOT NULL,
                longitude DOUBLE PRECISION NOT NULL, first_reported_at BIGINT NOT NULL, merge_zone TEXT, merges_until BIGINT,
                PRIMARY KEY (service_id, case_id));
            INSERT INTO gov_open_case VALUES ('open-e', 'old', 'cell-1', 'drain.blocked', 0, 1, 'Blocked', 22.5, 114.1, 1, NULL, NULL);
            """);

        await SchemaInstaller.ApplyAsync(target.Options);
        await SchemaInstaller.ApplyAsync(target.Options);

        await using var store = NewStore(target, "open-e");
        await store.SaveAsync([Row("new", "cell-1", Noon, merging: null) with { Description = "A new case, with its description." }]);
        Assert.Equal(["new", "old"], (await store.ListByCellAsync("cell-1")).Select(r => r.CaseId).Order(StringComparer.Ordinal));
        Assert.Null(await store.FindDescriptionAsync("old"));
        Assert.Equal("A new case, with its description.", await store.FindDescriptionAsync("new"));
    }

    [SkippableFact]
    public async Task AZone_ListsItsRegisteredCases_WhoseWindowIsOpenAtItsNewestFirstReport()
    {
        using var target = await StorageCluster.PrepareAsync(NewTargetAsync);
        await using var store = NewStore(target, "open-b");
        await store.SaveAsync(
        [
            // Closed an hour before the newest first report of the zone: no duplicate can join it any more.
            Row("old", "cell-1", Noon.AddHours(-3), new MergeRegistration("zone:0.0", Noon.AddHours(-1))),
            Row("long", "cell-1", Noon.AddHours(-3), new MergeRegistration("zone:0.0", Noon.AddHours(9))),
            Row("newest", "cell-2", Noon, new MergeRegistration("zone:0.0", Noon.AddHours(2))),
            Row("elsewhere", "cell-3", Noon, new MergeRegistration("zone:1.0", Noon.AddHours(2))),
            Row("unregistered", "cell-1", Noon, merging: null),
        ]);

        var mergeable = await store.ListMergeableAsync("zone:0.0");

        Assert.Equal(["long", "newest"], mergeable.Select(r => r.CaseId).Order(StringComparer.Ordinal));
        Assert.Empty(await store.ListMergeableAsync("zone:5.5"));
    }

    [SkippableFact]
    public async Task ManyCellsSavingAtOnce_AllStored_AndServicesDoNotSeeEachOther()
    {
        using var target = await StorageCluster.PrepareAsync(NewTargetAsync);
        await using var store = NewStore(target, "open-c");
        await using var other = NewStore(target, "open-d");

        await Task.WhenAll(Enumerable.Range(0, 300).Select(i => store.SaveAsync([Row($"c{i}", $"cell-{i % 10}", Noon, merging: null)])));

        Assert.Equal(300, (await Task.WhenAll(Enumerable.Range(0, 10).Select(c => store.ListByCellAsync($"cell-{c}")))).Sum(rows => rows.Count));
        Assert.Empty(await other.ListByCellAsync("cell-1"));
    }

    [SkippableFact]
    public async Task AFailedCommit_FailsItsCallers_AndTheStoreWorksOnceTheTableIsBack()
    {
        using var target = await StorageCluster.PrepareAsync(NewTargetAsync);
        await using var store = NewStore(target, "open-e");
        await Sql.ExecuteAsync(target.Connection, "DROP TABLE gov_open_case");

        await Assert.ThrowsAnyAsync<Exception>(() => store.SaveAsync([Row("c1", "cell-1", Noon, merging: null)]));

        await SchemaInstaller.ApplyAsync(target.Options);
        await store.SaveAsync([Row("c1", "cell-1", Noon, merging: null)]);
        Assert.Single(await store.ListByCellAsync("cell-1"));
    }

    private static SqlOpenCaseStore NewStore(StorageTarget target, string serviceId) =>
        new(target.Connection, serviceId, cellId => $"/district/{cellId}-area/", NullLogger<SqlOpenCaseStore>.Instance);

    private static OpenCaseRow Row(string caseId, string cellId, DateTimeOffset firstReportedAt, MergeRegistration? merging) =>
        new(cellId, new CaseHeader(caseId, "drain.blocked", CaseStatusKind.Reported, firstReportedAt.AddMinutes(1), $"Drain blocked ({caseId})",
            new GeoLocation(30.5, 114.3), firstReportedAt), merging);
}
