namespace Governance.Silo.Tests.Storage;

public sealed class SqliteGrainPersistenceTests : GrainPersistenceContract
{
    protected override Task<StorageTarget> NewTargetAsync() => Task.FromResult(StorageTarget.NewSqlite());
}
