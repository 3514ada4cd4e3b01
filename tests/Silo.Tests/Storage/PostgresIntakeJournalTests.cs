using Governance.TestSupport;

namespace Governance.Silo.Tests.Storage;

[Collection(PostgresFixture.CollectionName)]
public sealed class PostgresIntakeJournalTests(PostgresFixture postgres) : IntakeJournalContract
{
    protected override Task<StorageTarget> NewTargetAsync() => StorageTarget.NewPostgresAsync(postgres);
}
