using System.Collections.Concurrent;
using System.Collections.Immutable;
using Governance.Contracts;
using Governance.Contracts.LiveFeed;
using Governance.Gateway.Hosting;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Governance.Gateway.LiveFeed;

/// <summary>
/// The live feed in one gateway process: its observer hears every silo's cell changes (subscribed at the feed grain
/// and renewed), keeps each cell's latest pulse, and marks the watch groups whose cells changed. Every
/// Gateway:WatchIntervalMilliseconds each group with changes makes one message, which all its watchers send: a hundred
/// dispatchers watching one street cost one mark per change and one message per tick, not a hundred.
/// </summary>
public sealed partial class CellWatchHub(IGrainFactory grains, IOptions<GatewayOptions> options, ILogger<CellWatchHub> logger)
    : BackgroundService, ICellFeedObserver
{
    // Renewed well within the feed grain's one-minute expiry, so a moved or restarted feed grain soon has it again.
    private static readonly TimeSpan Renewal = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(1);

    // Cells asked for their pulse at once when a watcher needs cells the hub has not heard of yet.
    private const int SeedsAtOnce = 256;

    private readonly ConcurrentDictionary<string, KnownPulse> _latest = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    // Groups by key and by cell, copied on write: a batch of changes marks only the groups of the cells in it.
    private ImmutableDictionary<string, WatchGroup> _groups = ImmutableDictionary.Create<string, WatchGroup>(StringComparer.Ordinal);
    private ImmutableDictionary<string, ImmutableArray<WatchGroup>> _byCell = ImmutableDictionary.Create<string, ImmutableArray<WatchGroup>>(StringComparer.Ordinal);
    private int _watchers;
    private ICellFeedObserver? _reference;

    /// <summary>Watchers now open.</summary>
    public int Watchers => Volatile.Read(ref _watchers);

    /// <summary>Groups of watchers of the same cells now open.</summary>
    public int Groups => _groups.Count;

    /// <summary>
    /// A cell's latest pulse as the contract's message, or null when neither a change nor a seed has brought one. Made
    /// once per version, not once per watcher that sends it.
    /// </summary>
    public Contracts.V1.CellPulse? Latest(string cellId) => _latest.TryGetValue(cellId, out var latest) ? latest.Message.Value : null;

    /// <summary>A message of these cells as they are now.</summary>
    public Contracts.V1.CellWatchEvent Message(bool snapshot, IEnumerable<string> cells)
    {
        var message = new Contracts.V1.CellWatchEvent { Snapshot = snapshot, SentAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow) };
        message.Cells.AddRange(cells.Select(Latest).OfType<Contracts.V1.CellPulse>());
        return message;
    }

    /// <summary>
    /// Opens a watcher of <paramref name="cells"/>, in the group of every watch with the same <paramref name="key"/> (an
    /// area's code, say), marked for every change from now on, with every one of its cells' pulses known by the time this
    /// returns (those never heard of are asked).
    /// </summary>
    public async Task<CellWatcher> WatchAsync(string key, IReadOnlyCollection<string> cells, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cells);
        CellWatcher watcher;
        lock (_gate)
        {
            if (!_groups.TryGetValue(key, out var group))
            {
                group = new WatchGroup(key, cells.ToHashSet(StringComparer.Ordinal));
                _groups = _groups.Add(key, group);
                _byCell = _byCell.SetItems(group.Cells.Select(cell => KeyValuePair.Create(cell, _byCell.GetValueOrDefault(cell, []).Add(group))));
            }

            watcher = new CellWatcher(this, group);
            _watchers++;
        }

        try
        {
            // Marked from here on: a change that lands while the seeds come in is sent after the snapshot.
            await Parallel.ForEachAsync(cells.Where(cell => !_latest.ContainsKey(cell)), new ParallelOptions { MaxDegreeOfParallelism = SeedsAtOnce, CancellationToken = cancellationToken },
                async (cell, _) => Keep(await grains.Cell(cell).GetPulseAsync()));
            return watcher;
        }
        catch
        {
            watcher.Dispose();
            throw;
        }
    }

    /// <summary>Each group with changes makes its one message and wakes its watchers. Done every Gateway:WatchIntervalMilliseconds.</summary>
    public void Tick()
    {
        foreach (var group in _groups.Values)
        {
            group.Tick(this);
        }
    }

    public Task CellsChangedAsync(ImmutableArray<CellPulse> pulses)
    {
        var byCell = _byCell;
        foreach (var pulse in pulses)
        {
            Keep(pulse);
            foreach (var group in byCell.GetValueOrDefault(pulse.CellId, []))
            {
                group.Changed(pulse.CellId);
            }
        }

        return Task.CompletedTask;
    }

    internal void Unwatch(CellWatcher watcher)
    {
        lock (_gate)
        {
            var group = watcher.Group;
            if (group.Leave(watcher) && _groups.ContainsKey(group.Key))
            {
                _groups = _groups.Remove(group.Key);
                _byCell = _byCell.SetItems(group.Cells.Select(cell => KeyValuePair.Create(cell, _byCell.GetValueOrDefault(cell, []).Remove(group))));
            }

            _watchers--;
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(SubscribeAsync(stoppingToken), TickAsync(stoppingToken));

    // One timer for every group: a thousand watchers do not each wait out their own interval.
    private async Task TickAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.WatchIntervalMilliseconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Tick();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task SubscribeAsync(CancellationToken stoppingToken)
    {
        _reference = grains.CreateObjectReference<ICellFeedObserver>(this);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = Renewal;
                try
                {
                    await grains.GetGrain<ICellFeedGrain>(0).SubscribeAsync(_reference);
                }
                catch (Exception ex) when (ex is TimeoutException or OrleansException or InvalidOperationException)
                {
                    // The silo may still be starting: soon again, not at the next renewal.
                    LogSubscribeFailed(logger, ex);
                    wait = RetryAfterFailure;
                }

                await Task.Delay(wait, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_reference is { } reference)
        {
            try
            {
                await grains.GetGrain<ICellFeedGrain>(0).UnsubscribeAsync(reference);
            }
            catch (Exception ex) when (ex is TimeoutException or OrleansException or ObjectDisposedException)
            {
                // Stopping with the silo: the subscription lapses by itself.
            }

            grains.DeleteObjectReference<ICellFeedObserver>(reference);
        }
    }

    // Pulses may arrive twice or out of order (from a seed and a change, or after a cell moved silo): the higher version wins.
    private void Keep(CellPulse pulse) =>
        _latest.AddOrUpdate(pulse.CellId, _ => new KnownPulse(pulse), (_, known) => known.Pulse.Version >= pulse.Version ? known : new KnownPulse(pulse));

    /// <summary>A cell's latest pulse, and its message, made when first sent.</summary>
    private sealed class KnownPulse(CellPulse pulse)
    {
        public CellPulse Pulse { get; } = pulse;

        public Lazy<Contracts.V1.CellPulse> Message { get; } = new(() => Mapping.CellMapping.ToProto(pulse));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The live feed could not subscribe to the cells' changes; trying again shortly")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);
}
