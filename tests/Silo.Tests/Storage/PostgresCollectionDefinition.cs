using Governance.TestSupport;

namespace Governance.Silo.Tests.Storage;

/// <summary>The test classes that share one throwaway PostgreSQL server.</summary>
[CollectionDefinition(PostgresFixture.CollectionName)]
public sealed class PostgresCollectionDefinition : ICollectionFixture<PostgresFixture>;
