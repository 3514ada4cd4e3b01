using Governance.Contracts.V1;

namespace Governance.Gateway.LiveFeed;

/// <summary>
/// One watch, a member of the group of everyone watching the same cells: woken at each of the group's ticks, it sends the
/// group's message, or catches up if it was still writing when ticks passed. However slowly it sends, it holds one
/// number, the last tick it sent.
/// </summary>
public sealed class CellWatcher : IDisposable
{
    private readonly CellWatchHub _hub;
    private readonly WatchGroup _group;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _ticked = new(0, 1);
    private long _sent;
    private bool _closed;

    internal CellWatcher(CellWatchHub hub, WatchGroup group)
    {
        _hub = hub;
        _group = group;
        _sent = group.Join(this);
    }

    /// <summary>The watched cells.</summary>
    public IReadOnlyCollection<string> Cells => _group.Cells;

    internal WatchGroup Group => _group;

    /// <summary>Waits until the group ticked since the last <see cref="Next"/> (or may have: Next can still be null).</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => _ticked.WaitAsync(cancellationToken);

    /// <summary>The message to send now, or null when nothing changed since the last one.</summary>
    public CellWatchEvent? Next() => _group.NextFor(ref _sent, _hub);

    public void Dispose()
    {
        _hub.Unwatch(this);
        lock (_gate)
        {
            // The group may still be waking this watcher from a tick it began before the line above.
            _closed = true;
            _ticked.Dispose();
        }
    }

    internal void Ticked()
    {
        lock (_gate)
        {
            // Released only from zero: the semaphore says "the group ticked", never how often.
            if (!_closed && _ticked.CurrentCount == 0)
            {
                _ticked.Release();
            }
        }
    }
}
