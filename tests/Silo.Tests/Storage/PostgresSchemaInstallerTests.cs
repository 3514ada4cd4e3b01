using Governance.TestSupport;

namespace Governance.Silo.Tests.Storage;

[Collection(PostgresFixture.CollectionName)]
public sealed class PostgresSchemaInstallerTests(PostgresFixture postgres) : SchemaInstallerContract
{
    protected override Task<StorageTarget> NewTargetAsync() => StorageTarget.NewPostgresAsync(postgres);
}
