using Xunit;

namespace Governance.TestSupport;

/// <summary>
/// One <see cref="ThrowawayPostgres"/> per xUnit test collection, started on first use (so a collection whose
/// tests all skip never starts one) and stopped when the collection ends. Give each test its own database.
/// Use it from a <c>[CollectionDefinition(PostgresFixture.CollectionName)]</c> class in the test assembly.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    /// <summary>The collection name test classes share the server under.</summary>
    public const string CollectionName = "PostgreSQL";

    private readonly Lock _lock = new();
    private Task<ThrowawayPostgres>? _starting;

    /// <summary>The shared server, started on first call; skips the test when PostgreSQL is not installed.</summary>
    public Task<ThrowawayPostgres> GetServerAsync()
    {
        PostgresAvailability.SkipIfMissing();
        lock (_lock)
        {
            // A failed start is remembered: the other tests fail fast with the same error instead of waiting again.
            return _starting ??= ThrowawayPostgres.StartAsync();
        }
    }

    /// <summary>A fresh database on the shared server; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        var server = await GetServerAsync().ConfigureAwait(false);
        return await server.CreateDatabaseAsync(name).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        Task<ThrowawayPostgres>? starting;
        lock (_lock)
        {
            starting = _starting;
        }

        if (starting is null)
        {
            return;
        }

        ThrowawayPostgres server;
        try
        {
            server = await starting.ConfigureAwait(false);
        }
        catch (Exception) when (!starting.IsCompletedSuccessfully)
        {
            // The start failed, was reported by the tests and cleaned up after itself: nothing is running.
            return;
        }

        await server.DisposeAsync().ConfigureAwait(false);
    }
}
