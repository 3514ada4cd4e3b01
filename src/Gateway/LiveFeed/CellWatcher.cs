namespace Governance.Gateway.LiveFeed;

/// <summary>
/// One watch: its cells, and which of them changed since it last sent. However slowly it sends, it holds at most its
/// own cells' ids; it sends their pulses as they are when it sends.
/// </summary>
public sealed class CellWatcher : IDisposable
{
    private readonly CellWatchHub _hub;
    private readonly HashSet<string> _cells;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _changed = new(0, 1);
    private HashSet<string> _dirty = new(StringComparer.Ordinal);
    private bool _closed;

    internal CellWatcher(CellWatchHub hub, IReadOnlyCollection<string> cells)
    {
        _hub = hub;
        _cells = cells.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The watched cells.</summary>
    public IReadOnlyCollection<string> Cells => _cells;

    /// <summary>Waits until some watched cell changed since the last <see cref="Take"/> (or may have: the set can be empty).</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => _changed.WaitAsync(cancellationToken);

    /// <summary>Takes the cells that changed since the last take.</summary>
    public IReadOnlyCollection<string> Take()
    {
        lock (_gate)
        {
            var taken = _dirty;
            _dirty = new HashSet<string>(StringComparer.Ordinal);
            return taken;
        }
    }

    public void Dispose()
    {
        _hub.Unwatch(this);
        lock (_gate)
        {
            // The hub may still be handing this watcher a batch it took before the line above.
            _closed = true;
            _changed.Dispose();
        }
    }

    /// <summary>One of this watcher's cells changed (the hub asks only the watchers of the cell).</summary>
    internal void Changed(string cellId)
    {
        lock (_gate)
        {
            // Released under the lock, and only from zero: the semaphore counts "something changed", never how often.
            if (!_closed && _dirty.Add(cellId) && _changed.CurrentCount == 0)
            {
                _changed.Release();
            }
        }
    }
}
