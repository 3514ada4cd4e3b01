using Governance.TestSupport;

namespace Governance.Silo.Tests.Storage;

[Collection(PostgresFixture.CollectionName)]
public sealed class PostgresRegistryStoreTests(PostgresFixture postgres) : RegistryStoreContract
{
    protected override Task<StorageTarget> NewTargetAsync() => StorageTarget.NewPostgresAsync(postgres);
}
