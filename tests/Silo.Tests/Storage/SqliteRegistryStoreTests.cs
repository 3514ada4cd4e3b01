namespace Governance.Silo.Tests.Storage;

public sealed class SqliteRegistryStoreTests : RegistryStoreContract
{
    protected override Task<StorageTarget> NewTargetAsync() => Task.FromResult(StorageTarget.NewSqlite());
}
