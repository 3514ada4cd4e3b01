using System.Collections.Concurrent;
using System.Collections.Immutable;
using Governance.Contracts;
using Governance.Contracts.LiveFeed;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Governance.Gateway.LiveFeed;

/// <summary>
/// The live feed in one gateway process: its observer hears every silo's cell changes (subscribed at the feed grain
/// and renewed), keeps each cell's latest pulse, and marks the watchers whose cells changed. A watcher reads the latest
/// pulses when it sends, so what it holds is a set of its own cells, never a queue of changes.
/// </summary>
public sealed partial class CellWatchHub(IGrainFactory grains, ILogger<CellWatchHub> logger) : BackgroundService, ICellFeedObserver
{
    // Renewed well within the feed grain's one-minute expiry, so a moved or restarted feed grain soon has it again.
    private static readonly TimeSpan Renewal = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(1);

    // Cells asked for their pulse at once when a watcher needs cells the hub has not heard of yet.
    private const int SeedsAtOnce = 256;

    private readonly ConcurrentDictionary<string, KnownPulse> _latest = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    // Watchers by cell, and those of the whole city, copied on write: a batch of changes marks only the watchers of the
    // cells in it, never asks every watcher about every cell.
    private ImmutableDictionary<string, ImmutableArray<CellWatcher>> _byCell = ImmutableDictionary.Create<string, ImmutableArray<CellWatcher>>(StringComparer.Ordinal);
    private ImmutableArray<CellWatcher> _wholeCity = [];
    private int _watchers;
    private ICellFeedObserver? _reference;

    /// <summary>Watchers now open.</summary>
    public int Watchers => Volatile.Read(ref _watchers);

    /// <summary>
    /// A cell's latest pulse as the contract's message, or null when neither a change nor a seed has brought one. Made
    /// once per version, not once per watcher that sends it.
    /// </summary>
    public Contracts.V1.CellPulse? Latest(string cellId) => _latest.TryGetValue(cellId, out var latest) ? latest.Message.Value : null;

    /// <summary>
    /// Opens a watcher of <paramref name="cells"/> (null: every cell), marked for every change from now on, with every one
    /// of its cells' pulses known by the time this returns (those never heard of are asked).
    /// </summary>
    public async Task<CellWatcher> WatchAsync(IReadOnlyCollection<string> cells, bool wholeCity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var watcher = new CellWatcher(this, cells);
        lock (_gate)
        {
            if (wholeCity)
            {
                _wholeCity = _wholeCity.Add(watcher);
            }
            else
            {
                _byCell = _byCell.SetItems(watcher.Cells.Select(cell => KeyValuePair.Create(cell, _byCell.GetValueOrDefault(cell, []).Add(watcher))));
            }

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

    public Task CellsChangedAsync(ImmutableArray<CellPulse> pulses)
    {
        var (byCell, wholeCity) = (_byCell, _wholeCity);
        foreach (var pulse in pulses)
        {
            Keep(pulse);
            foreach (var watcher in byCell.GetValueOrDefault(pulse.CellId, []))
            {
                watcher.Changed(pulse.CellId);
            }

            foreach (var watcher in wholeCity)
            {
                watcher.Changed(pulse.CellId);
            }
        }

        return Task.CompletedTask;
    }

    internal void Unwatch(CellWatcher watcher)
    {
        lock (_gate)
        {
            if (_wholeCity.Contains(watcher))
            {
                _wholeCity = _wholeCity.Remove(watcher);
            }
            else
            {
                _byCell = _byCell.SetItems(watcher.Cells.Select(cell => KeyValuePair.Create(cell, _byCell.GetValueOrDefault(cell, []).Remove(watcher))));
            }

            _watchers--;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
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
