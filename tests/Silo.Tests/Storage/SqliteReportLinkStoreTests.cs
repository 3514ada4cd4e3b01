using Governance.Contracts.Cases;
using Governance.Grains.Storage;
using Governance.Silo.Storage;
using Governance.Silo.Storage.ReportLinks;
using Microsoft.Extensions.Logging.Abstractions;

namespace Governance.Silo.Tests.Storage;

public sealed class SqliteReportLinkStoreTests : ReportLinkStoreContract
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.FromHours(8));

    protected override Task<StorageTarget> NewTargetAsync() => Task.FromResult(StorageTarget.NewSqlite());

    // Without its catalog the store cannot even say which segment is open.
    protected override string BreakLinkTableSql => $"DROP TABLE {SqliteLinkSegments.CatalogTable}";

    [Fact]
    public async Task FullSegmentsAreSealed_AndLinksAreFoundInEvery_AlsoAfterARestart()
    {
        using var target = await StorageCluster.PrepareAsync(NewTargetAsync);
        await using (var store = SegmentedStore(target, segmentLinks: 4))
        {
            // Five commits of three links: segments 1–3 fill to four or more and are sealed, the fourth is open.
            for (var commit = 0; commit < 5; commit++)
            {
                await CommitNowAsync(store, [.. Enumerable.Range(commit * 3, 3).Select(i => Link($"r{i}", $"c{i % 2}", Noon.AddMinutes(i)))]);
            }

            // A report sealed away keeps its first link: the open segment's own index cannot see it.
            await CommitNowAsync(store, [Link("r0", "c9", Noon), Link("r15", "c1", Noon.AddMinutes(15))]);
            await AssertEveryLinkFoundAsync(store);
        }

        var catalog = await Sql.QueryAsync(target.Connection, $"SELECT segment, report_filter IS NULL FROM {SqliteLinkSegments.CatalogTable} ORDER BY segment");
        Assert.Equal([(1L, 0L), (2L, 0L), (3L, 0L), (4L, 1L)], catalog.Select(row => ((long)row[0]!, (long)row[1]!)));
        var rowsInSegments = Enumerable.Range(1, 4).Select(n => $"(SELECT COUNT(*) FROM {SqliteLinkSegments.TableOf(n)})");
        Assert.Equal(16L, await Sql.ScalarAsync(target.Connection, "SELECT " + string.Join(" + ", rowsInSegments)));

        // A new store reads the filters back from the catalog.
        await using var restarted = SegmentedStore(target, segmentLinks: 4);
        await AssertEveryLinkFoundAsync(restarted);
        await CommitNowAsync(restarted, [Link("r3", "c8", Noon)]);
        Assert.Equal("c1", (await restarted.FindAsync(["r3"]))["r3"].CaseId);
    }

    [Fact]
    public async Task Install_MakesTheOneTableOfTheFirstLayout_TheFirstSegment()
    {
        using var target = await StorageCluster.PrepareAsync(NewTargetAsync);
        // The first layout: a table keyed by report, with the case index by report time.
        await Sql.ExecuteAsync(target.Connection, """
            CREATE TABLE gov_report_link (service_id TEXT NOT NULL, report_id TEXT NOT NULL, case_id TEXT NOT NULL, case_cell TEXT NOT NULL,
                reporter_id TEXT NOT NULL, channel INTEGER NOT NULL, external_id TEXT NOT NULL, reported_at INTEGER NOT NULL,
                PRIMARY KEY (service_id, report_id)) WITHOUT ROWID;
            CREATE INDEX gov_report_link_by_case ON gov_report_link (service_id, case_id, reported_at);
            """);
        await AssertLegacyLinksKeptAsync(target);
    }

    [Fact]
    public async Task Install_MakesTheOneTableOfTheSecondLayout_TheFirstSegment()
    {
        using var target = await StorageCluster.PrepareAsync(NewTargetAsync);
        // The second layout: rows appended, two narrow indexes.
        await Sql.ExecuteAsync(target.Connection, """
            CREATE TABLE gov_report_link (service_id TEXT NOT NULL, report_id TEXT NOT NULL, case_id TEXT NOT NULL, case_cell TEXT NOT NULL,
                reporter_id TEXT NOT NULL, channel INTEGER NOT NULL, external_id TEXT NOT NULL, reported_at INTEGER NOT NULL);
            CREATE UNIQUE INDEX gov_report_link_of_report ON gov_report_link (service_id, report_id);
            CREATE INDEX gov_report_link_of_case ON gov_report_link (service_id, case_id);
            """);
        await AssertLegacyLinksKeptAsync(target);
    }

    private static async Task AssertLegacyLinksKeptAsync(StorageTarget target)
    {
        await Sql.ExecuteAsync(target.Connection, """
            INSERT INTO gov_report_link VALUES ('svc', 'r2', 'c1', 'cell-c1', 'resident-r2', 2, 'ext-r2', 200);
            INSERT INTO gov_report_link VALUES ('svc', 'r1', 'c1', 'cell-c1', 'resident-r1', 2, 'ext-r1', 100);
            INSERT INTO gov_report_link VALUES ('svc', 'r3', 'c2', 'cell-c2', 'resident-r3', 2, 'ext-r3', 300);
            """);

        await SchemaInstaller.ApplyAsync(target.Options);
        await SchemaInstaller.ApplyAsync(target.Options);

        Assert.Equal(0L, await Sql.ScalarAsync(target.Connection, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'gov_report_link'"));
        // Sealed at its first commit: it already holds more links than a segment takes.
        await using var store = SegmentedStore(target, segmentLinks: 2);
        Assert.Equal(["r1", "r2"], (await store.ListByCaseAsync("c1")).Select(l => l.ReportId));
        Assert.Equal(new ReporterEntry("resident-r2", ReportChannel.CitizenApp, "ext-r2", new DateTimeOffset(200, TimeSpan.Zero)), (await store.FindAsync(["r2"]))["r2"].Reporter);
        await CommitNowAsync(store, [new ReportLink("r1", "c9", "cell-c9", new ReporterEntry("x", ReportChannel.Hotline, "ext-r1", DateTimeOffset.UnixEpoch))]);
        await CommitNowAsync(store, [Link("r4", "c2", Noon)]);
        Assert.Equal("c1", (await store.FindAsync(["r1"]))["r1"].CaseId);
        Assert.Equal(new Dictionary<string, int> { ["c1"] = 2, ["c2"] = 2 }, await store.CountByCasesAsync(["c1", "c2", "c9"]));
        Assert.Equal(1L, await Sql.ScalarAsync(target.Connection, $"SELECT COUNT(*) FROM {SqliteLinkSegments.CatalogTable} WHERE segment = 1 AND report_filter IS NOT NULL"));
        // The renamed table keeps the indexes it had: a second pair would be built over every old link at start.
        Assert.Equal(0L, await Sql.ScalarAsync(target.Connection, $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name LIKE '{SqliteLinkSegments.TableOf(1)}%'"));
    }

    private static async Task AssertEveryLinkFoundAsync(SqlReportLinkStore store)
    {
        var found = await store.FindAsync([.. Enumerable.Range(0, 16).Select(i => $"r{i}"), "never"]);
        Assert.Equal(16, found.Count);
        Assert.All(Enumerable.Range(0, 16), i => Assert.Equal($"c{i % 2}", found[$"r{i}"].CaseId));
        Assert.Equal(new Dictionary<string, int> { ["c0"] = 8, ["c1"] = 8 }, await store.CountByCasesAsync(["c0", "c1", "c9"]));
        Assert.Equal([.. Enumerable.Range(0, 8).Select(i => $"r{(2 * i) + 1}")], (await store.ListByCaseAsync("c1")).Select(l => l.ReportId));
    }

    // One commit for these links alone, without waiting for the store to gather more.
    private static async Task CommitNowAsync(SqlReportLinkStore store, ReportLink[] links)
    {
        var added = store.AddAsync(links);
        await store.StoredAsync();
        await added;
    }

    private static SqlReportLinkStore SegmentedStore(StorageTarget target, int segmentLinks) =>
        new(target.Connection, "svc", NullLogger<SqlReportLinkStore>.Instance, segmentLinks: segmentLinks);
}
