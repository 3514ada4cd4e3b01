using Governance.TestSupport;

namespace Governance.Silo.Tests.Storage;

[Collection(PostgresFixture.CollectionName)]
public sealed class PostgresReportLinkStoreTests(PostgresFixture postgres) : ReportLinkStoreContract
{
    protected override Task<StorageTarget> NewTargetAsync() => StorageTarget.NewPostgresAsync(postgres);

    protected override string BreakLinkTableSql => "DROP TABLE gov_report_link";
}
