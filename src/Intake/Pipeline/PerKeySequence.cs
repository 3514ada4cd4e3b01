namespace Governance.Intake.Pipeline;

/// <summary>
/// Runs work so that items with the same key (a cell) happen in the order they were enqueued, while items with
/// different keys proceed concurrently. Grain calls started back to back may arrive out of order (each resolves
/// the grain's address on its own), so callers must not rely on start order alone. Used by a sensor stream and
/// by the intake dispatcher. Not thread-safe: one loop enqueues.
/// </summary>
public sealed class PerKeySequence
{
    private const int PruneAbove = 1024;

    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);

    // Finished tails are pruned once the keys have doubled since the last prune: with thousands of cells busy at once,
    // pruning at a fixed count would scan them all at nearly every call.
    private int _pruneAt = PruneAbove;

    public Task<T> Enqueue<T>(string key, Func<Task<T>> work)
    {
        _tails.TryGetValue(key, out var previous);
        var next = RunAfterAsync(previous, work);
        _tails[key] = next;
        if (_tails.Count > _pruneAt)
        {
            foreach (var done in _tails.Where(t => t.Value.IsCompleted).Select(t => t.Key).ToList())
            {
                _tails.Remove(done);
            }

            _pruneAt = Math.Max(PruneAbove, 2 * _tails.Count);
        }

        return next;
    }

    private static async Task<T> RunAfterAsync<T>(Task? previous, Func<Task<T>> work)
    {
        if (previous is not null)
        {
            // Only the order matters here: the previous item's failure is reported in its own ack.
            await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        return await work().ConfigureAwait(false);
    }
}
