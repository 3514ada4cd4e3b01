using System.Collections.Immutable;
using Governance.Contracts.LiveFeed;

namespace Governance.Grains.LiveFeed;

/// <summary>
/// The processes listening to the city's cells, each for <see cref="Expiry"/> after it last subscribed. Held in memory
/// only: listeners renew well within the expiry, so a feed grain that moved or restarted knows them all again soon.
/// </summary>
public sealed class CellFeedGrain(TimeProvider time) : Grain, ICellFeedGrain
{
    /// <summary>A subscription lapses this long after it was last renewed.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(1);

    private readonly Dictionary<ICellFeedObserver, DateTimeOffset> _listeners = [];

    public Task SubscribeAsync(ICellFeedObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _listeners[observer] = time.GetUtcNow() + Expiry;
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(ICellFeedObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _listeners.Remove(observer);
        return Task.CompletedTask;
    }

    public Task<ImmutableArray<ICellFeedObserver>> ListenersAsync()
    {
        var now = time.GetUtcNow();
        foreach (var lapsed in _listeners.Where(pair => pair.Value < now).Select(pair => pair.Key).ToList())
        {
            _listeners.Remove(lapsed);
        }

        return Task.FromResult(_listeners.Keys.ToImmutableArray());
    }
}
