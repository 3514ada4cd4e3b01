using Governance.Contracts.Cases;
using Governance.Grains.Storage;
using Governance.Silo.Storage;
using Governance.Silo.Storage.ReportLinks;
using Microsoft.Extensions.Logging.Abstractions;

namespace Governance.Silo.Tests.Storage;

public sealed class SqliteReportLinkStoreTests : ReportLinkStoreContract
{
    protected override Task<StorageTarget> NewTargetAsync() => Task.FromResult(StorageTarget.NewSqlite());

    [Fact]
    public async Task Install_MovesLinksFromTheFirstLayout_AndKeepsEveryRow()
    {
        using var target = await StorageCluster.PrepareAsync(NewTargetAsync);
        // The first layout: a table keyed by report, with the case index by report time.
        await Sql.ExecuteAsync(target.Connection, """
            DROP TABLE gov_report_link;
            CREATE TABLE gov_report_link (service_id TEXT NOT NULL, report_id TEXT NOT NULL, case_id TEXT NOT NULL, case_cell TEXT NOT NULL,
                reporter_id TEXT NOT NULL, channel INTEGER NOT NULL, external_id TEXT NOT NULL, reported_at INTEGER NOT NULL,
                PRIMARY KEY (service_id, report_id)) WITHOUT ROWID;
            CREATE INDEX gov_report_link_by_case ON gov_report_link (service_id, case_id, reported_at);
            INSERT INTO gov_report_link VALUES ('svc', 'r2', 'c1', 'cell-c1', 'resident-r2', 2, 'ext-r2', 200);
            INSERT INTO gov_report_link VALUES ('svc', 'r1', 'c1', 'cell-c1', 'resident-r1', 2, 'ext-r1', 100);
            """);

        await SchemaInstaller.ApplyAsync(target.Options);
        await SchemaInstaller.ApplyAsync(target.Options);

        var definition = (string)(await Sql.ScalarAsync(target.Connection, "SELECT sql FROM sqlite_master WHERE name = 'gov_report_link'"))!;
        Assert.DoesNotContain("WITHOUT ROWID", definition, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0L, await Sql.ScalarAsync(target.Connection, "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('gov_report_link_before', 'gov_report_link_by_case')"));
        await using var store = new SqlReportLinkStore(target.Connection, "svc", NullLogger<SqlReportLinkStore>.Instance);
        Assert.Equal(["r1", "r2"], (await store.ListByCaseAsync("c1")).Select(l => l.ReportId));
        Assert.Equal(new ReporterEntry("resident-r2", ReportChannel.CitizenApp, "ext-r2", new DateTimeOffset(200, TimeSpan.Zero)), (await store.FindAsync(["r2"]))["r2"].Reporter);
        // The moved table still keeps each report's first link.
        await store.AddAsync([new ReportLink("r1", "c9", "cell-c9", new ReporterEntry("x", ReportChannel.Hotline, "ext-r1", DateTimeOffset.UnixEpoch))]);
        Assert.Equal("c1", (await store.FindAsync(["r1"]))["r1"].CaseId);
    }
}
