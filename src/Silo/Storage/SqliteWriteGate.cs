using System.Collections.Concurrent;

namespace Governance.Silo.Storage;

/// <summary>
/// One writer at a time per SQLite file within this process. SQLite has a single write lock per file; a
/// connection that finds it taken backs off in sleeps of up to 100 ms, which stalls acks for no reason. Writers
/// that queue here instead wait only as long as the transaction ahead of them.
/// </summary>
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Waits for the file's write turn; dispose the result to give it up.</summary>
    public static async Task<IDisposable> EnterAsync(StorageConnection target, CancellationToken cancellationToken)
    {
        if (target.SqliteFile is not { } file)
        {
            // PostgreSQL locks rows, not the database: writers need no turn.
            return NoTurn.Instance;
        }

        var gate = Gates.GetOrAdd(file, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Turn(gate);
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }

    private sealed class NoTurn : IDisposable
    {
        public static readonly NoTurn Instance = new();

        public void Dispose()
        {
        }
    }
}
