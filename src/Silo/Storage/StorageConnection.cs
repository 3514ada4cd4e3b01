using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Governance.Silo.Storage;

/// <summary>
/// The ADO.NET invariant and connection string for one database, as Orleans' ADO.NET providers take them,
/// plus the matching <see cref="DbProviderFactory"/> for our own commands.
/// </summary>
public sealed class StorageConnection
{
    /// <summary>The invariant Orleans maps to Microsoft.Data.Sqlite's <c>SqliteFactory</c>.</summary>
    public const string SqliteInvariant = "System.Data.SQLite";

    /// <summary>The invariant Orleans maps to <c>Npgsql.NpgsqlFactory</c>.</summary>
    public const string PostgresInvariant = "Npgsql";

    private StorageConnection(StorageProvider provider, string invariant, string connectionString, string? sqliteFile)
    {
        Provider = provider;
        Invariant = invariant;
        ConnectionString = connectionString;
        SqliteFile = sqliteFile;
    }

    /// <summary>Which database this is.</summary>
    public StorageProvider Provider { get; }

    /// <summary>The ADO.NET invariant name for <c>AdoNetGrainStorageOptions.Invariant</c>.</summary>
    public string Invariant { get; }

    /// <summary>The connection string; may hold a password, so it is never part of <see cref="ToString"/>.</summary>
    public string ConnectionString { get; }

    /// <summary>The absolute path of the SQLite file, or null for PostgreSQL.</summary>
    public string? SqliteFile { get; }

    /// <summary>The factory for <see cref="Invariant"/>.</summary>
    public DbProviderFactory Factory => Provider == StorageProvider.Sqlite ? SqliteFactory.Instance : NpgsqlFactory.Instance;

    /// <summary>A new, closed connection.</summary>
    public DbConnection CreateConnection()
    {
        var connection = Factory.CreateConnection()
            ?? throw new InvalidOperationException($"The {Invariant} factory returned no connection.");
        connection.ConnectionString = ConnectionString;
        return connection;
    }

    /// <summary>A new connection, open; disposed again if it cannot be opened.</summary>
    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) => OpenOrDisposeAsync(CreateConnection(), cancellationToken);

    /// <summary>A new open connection of its own, never returned to a pool (SQLite; PostgreSQL pools as usual).</summary>
    public Task<DbConnection> OpenUnpooledAsync(CancellationToken cancellationToken = default) =>
        Provider == StorageProvider.Sqlite
            ? OpenOrDisposeAsync(new SqliteConnection(new SqliteConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString), cancellationToken)
            : OpenAsync(cancellationToken);

    private static async Task<DbConnection> OpenOrDisposeAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public override string ToString() => SqliteFile is null ? $"{Provider} ({Invariant})" : $"{Provider} ({SqliteFile})";

    internal static StorageConnection ForSqlite(string path, int busyTimeoutSeconds)
    {
        var file = Path.GetFullPath(path);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            // Microsoft.Data.Sqlite retries SQLITE_BUSY until a command's timeout elapses; this sets that timeout
            // for every command on the connection, including those Orleans creates.
            DefaultTimeout = busyTimeoutSeconds,
        };
        return new StorageConnection(StorageProvider.Sqlite, SqliteInvariant, builder.ConnectionString, file);
    }

    internal static StorageConnection ForPostgres(string connectionString) =>
        new(StorageProvider.PostgreSql, PostgresInvariant, connectionString, null);
}
