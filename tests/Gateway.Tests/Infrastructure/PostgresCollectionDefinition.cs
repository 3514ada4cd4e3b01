using Governance.TestSupport;

namespace Governance.Gateway.Tests.Infrastructure;

/// <summary>The end-to-end tests that run the application on one throwaway PostgreSQL server.</summary>
[CollectionDefinition(PostgresFixture.CollectionName)]
public sealed class PostgresCollectionDefinition : ICollectionFixture<PostgresFixture>;
