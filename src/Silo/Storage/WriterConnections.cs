namespace Governance.Silo.Storage;

/// <summary>
/// The writer connection that the stores of one SQLite file share (live grain state, report links, open cases). SQLite
/// empties a connection's page cache whenever another connection has committed to the file, so stores writing through
/// connections of their own each read the b-trees back from disk at every commit; one shared connection keeps its cache
/// warm. Stores use it only within the file's write turn (<see cref="SqliteWriteGate"/>), so one at a time, and reset it
/// only there. The last store to let go closes it. On PostgreSQL each store gets a connection of its own.
/// </summary>
internal static class WriterConnections
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, (HeldConnection Connection, HashSet<object> Owners)> Shared = new(StringComparer.Ordinal);

    /// <summary>The writer for <paramref name="owner"/> (a store), to be let go with <see cref="ReleaseAsync"/>.</summary>
    public static HeldConnection Acquire(StorageConnection target, object owner)
    {
        if (target.SqliteFile is not { } file)
        {
            return new HeldConnection(target, writer: true);
        }

        lock (Gate)
        {
            if (!Shared.TryGetValue(file, out var shared))
            {
                Shared[file] = shared = (new HeldConnection(target, writer: true), new HashSet<object>(ReferenceEqualityComparer.Instance));
            }

            shared.Owners.Add(owner);
            return shared.Connection;
        }
    }

    /// <summary>Closes the connection after a failed transaction; the next use opens a fresh one.</summary>
    public static async Task ResetAsync(StorageConnection target, HeldConnection connection)
    {
        // Within the write turn: another store may be in the middle of a transaction on this very connection.
        using (await SqliteWriteGate.EnterAsync(target, CancellationToken.None))
        {
            await connection.ResetAsync();
        }
    }

    /// <summary>Lets go of the writer; letting go twice is harmless. The connection closes when its last owner lets go.</summary>
    public static async Task ReleaseAsync(StorageConnection target, HeldConnection connection, object owner)
    {
        if (target.SqliteFile is { } file)
        {
            lock (Gate)
            {
                if (!Shared.TryGetValue(file, out var shared) || !ReferenceEquals(shared.Connection, connection) || !shared.Owners.Remove(owner))
                {
                    return;
                }

                if (shared.Owners.Count > 0)
                {
                    return;
                }

                Shared.Remove(file);
            }
        }

        await ResetAsync(target, connection);
    }
}
