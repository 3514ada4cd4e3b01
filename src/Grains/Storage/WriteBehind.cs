namespace Governance.Grains.Storage;

/// <summary>
/// Write-behind bookkeeping for one grain's state. Changes are counted; a flush returns once every change made
/// before it began is stored. Flushes that overlap (the checkpoint, a timer, deactivation) share writes: at most
/// one write is in flight, and a flush that began after it was serialized waits for the next. Flush methods that
/// use it may interleave with the grain's other calls, because the store serializes the state when the write
/// starts; changes made while a write is in flight are simply carried by the next one. Not thread-safe: it belongs to
/// one activation, whose turns run one at a time.
/// </summary>
public sealed class WriteBehind(Func<Task> write)
{
    private long _changes;
    private long _stored;
    private Task? _writing;

    /// <summary>True while some change is not stored.</summary>
    public bool IsDirty => _stored < _changes;

    /// <summary>Records that the state changed.</summary>
    public void Changed() => _changes++;

    /// <summary>Stores the state unless every change made so far is stored already.</summary>
    public async Task FlushAsync()
    {
        var wanted = _changes;
        while (_stored < wanted)
        {
            var writing = _writing ??= WriteAsync();
            try
            {
                await writing;
            }
            finally
            {
                // Whoever sees the write finished clears it; a write that finished at once is cleared here too.
                if (ReferenceEquals(_writing, writing) && writing.IsCompleted)
                {
                    _writing = null;
                }
            }
        }
    }

    private async Task WriteAsync()
    {
        var carried = _changes;
        await write();
        _stored = Math.Max(_stored, carried);
    }
}
