using Governance.TestSupport;

namespace Governance.Silo.Tests.Storage;

[Collection(PostgresFixture.CollectionName)]
public sealed class PostgresCaseListStoreTests(PostgresFixture postgres) : CaseListStoreContract
{
    protected override Task<StorageTarget> NewTargetAsync() => StorageTarget.NewPostgresAsync(postgres);
}
