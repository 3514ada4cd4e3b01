using Governance.Silo.Storage;
using Governance.TestSupport;
using Microsoft.Data.Sqlite;

namespace Governance.Silo.Tests.Storage;

/// <summary>A fresh, empty database for one test: a SQLite file in a temp folder or a new PostgreSQL database.</summary>
public sealed class StorageTarget : IDisposable
{
    private readonly TempFolder? _folder;

    private StorageTarget(StorageOptions options, TempFolder? folder)
    {
        Options = options;
        _folder = folder;
    }

    public StorageOptions Options { get; }

    public StorageConnection Connection => Options.GetConnection();

    public static StorageTarget NewSqlite()
    {
        var folder = new TempFolder("governance-sqlite");
        // A nested folder that does not exist yet: the installer must create it.
        return new StorageTarget(new StorageOptions { SqlitePath = folder.Combine("data", "governance.db") }, folder);
    }

    public static async Task<StorageTarget> NewPostgresAsync(PostgresFixture postgres)
    {
        var connectionString = await postgres.CreateDatabaseAsync($"t_{Guid.NewGuid():N}");
        return new StorageTarget(new StorageOptions { Provider = StorageProvider.PostgreSql, PostgresConnectionString = connectionString }, null);
    }

    public void Dispose()
    {
        if (_folder is not null)
        {
            // Pooled connections keep the file open; release them before the folder goes.
            SqliteConnection.ClearAllPools();
            _folder.Dispose();
        }
    }
}
