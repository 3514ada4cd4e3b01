namespace Governance.Silo.Tests.Storage;

public sealed class SqliteLiveGrainStateTests : LiveGrainStateContract
{
    protected override Task<StorageTarget> NewTargetAsync() => Task.FromResult(StorageTarget.NewSqlite());
}
