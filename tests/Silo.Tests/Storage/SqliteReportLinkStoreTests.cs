namespace Governance.Silo.Tests.Storage;

public sealed class SqliteReportLinkStoreTests : ReportLinkStoreContract
{
    protected override Task<StorageTarget> NewTargetAsync() => Task.FromResult(StorageTarget.NewSqlite());
}
