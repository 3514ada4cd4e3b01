namespace Governance.Silo.Tests.Storage;

public sealed class SqliteCaseListStoreTests : CaseListStoreContract
{
    protected override Task<StorageTarget> NewTargetAsync() => Task.FromResult(StorageTarget.NewSqlite());
}
