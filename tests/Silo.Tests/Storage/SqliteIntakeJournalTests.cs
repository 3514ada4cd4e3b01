namespace Governance.Silo.Tests.Storage;

public sealed class SqliteIntakeJournalTests : IntakeJournalContract
{
    protected override Task<StorageTarget> NewTargetAsync() => Task.FromResult(StorageTarget.NewSqlite());
}
