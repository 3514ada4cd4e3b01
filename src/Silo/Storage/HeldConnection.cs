using System.Data.Common;

namespace Governance.Silo.Storage;

/// <summary>
/// A connection that one loop of a store (live grain state, report links) keeps open, with its statements prepared once. On SQLite this keeps
/// the page cache warm between batches (a pooled connection brings its own 2 MB cache and prepares every statement
/// again). After a failure the loop calls <see cref="ResetAsync"/> and the next batch opens a fresh connection.
/// </summary>
internal sealed class HeldConnection(StorageConnection target, bool writer) : IAsyncDisposable
{
    // Enough for the hot rows of a city's cells, cases and zones; SQLite allocates it only as pages are read.
    private const int SqliteCacheKibibytes = 128 * 1024;

    private readonly Dictionary<string, DbCommand> _prepared = new(StringComparer.Ordinal);
    private DbConnection? _connection;

    public bool IsSqlite => target.Provider == StorageProvider.Sqlite;

    public async Task<DbConnection> GetAsync(CancellationToken cancellationToken)
    {
        if (_connection is { } open)
        {
            return open;
        }

        // Not from the pool: the writer's relaxed sync must never reach a pooled connection that a synced commit (the
        // journal's checkpoint) could take.
        var connection = await target.OpenUnpooledAsync(cancellationToken);
        try
        {
            if (IsSqlite)
            {
                await TuneSqliteAsync(connection, cancellationToken);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        return _connection = connection;
    }

    /// <summary>
    /// A command for <paramref name="sql"/> on this connection, prepared the first time with the parameters
    /// <paramref name="parameterNames"/>; later uses set their values and run it again.
    /// </summary>
    public async Task<DbCommand> PreparedAsync(string sql, IEnumerable<string> parameterNames, CancellationToken cancellationToken)
    {
        if (_prepared.TryGetValue(sql, out var command))
        {
            return command;
        }

        var connection = await GetAsync(cancellationToken);
        command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            command.AddParameter(name, DBNull.Value);
        }

        await command.PrepareAsync(cancellationToken);
        _prepared[sql] = command;
        return command;
    }

    public async Task ResetAsync()
    {
        foreach (var command in _prepared.Values)
        {
            await command.DisposeAsync();
        }

        _prepared.Clear();
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync() => await ResetAsync();

    private async Task TuneSqliteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        // The writer does not sync the log at each commit: the journal's checkpoint, written after the grain states it
        // covers and synced, makes them durable with it (one write-ahead log per file, synced in order). A kill -9
        // loses nothing either way: an unsynced commit is still in the operating system's cache.
        var sync = writer ? "PRAGMA synchronous=NORMAL;" : "";
        command.CommandText = $"PRAGMA cache_size=-{SqliteCacheKibibytes};{sync}";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
