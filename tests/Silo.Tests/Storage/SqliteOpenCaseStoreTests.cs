namespace Governance.Silo.Tests.Storage;

public sealed class SqliteOpenCaseStoreTests : OpenCaseStoreContract
{
    protected override Task<StorageTarget> NewTargetAsync() => Task.FromResult(StorageTarget.NewSqlite());
}
