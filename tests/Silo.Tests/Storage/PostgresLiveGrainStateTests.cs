using Governance.TestSupport;

namespace Governance.Silo.Tests.Storage;

[Collection(PostgresFixture.CollectionName)]
public sealed class PostgresLiveGrainStateTests(PostgresFixture postgres) : LiveGrainStateContract
{
    protected override Task<StorageTarget> NewTargetAsync() => StorageTarget.NewPostgresAsync(postgres);
}
