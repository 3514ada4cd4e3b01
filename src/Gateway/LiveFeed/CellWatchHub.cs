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

    private readonly ConcurrentDictionary<string, CellPulse> _latest = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private ImmutableArray<CellWatcher> _watchers = [];
    private ICellFeedObserver? _reference;

    /// <summary>Watchers now open.</summary>
    public int Watchers => _watchers.Length;

    /// <summary>A cell's latest pulse, or null when neither a change nor a seed has brought one.</summary>
    public CellPulse? Latest(string cellId) => _latest.GetValueOrDefault(cellId);

    /// <summary>
    /// Opens a watcher of <paramref name="cells"/> (null: every cell), marked for every change from now on, with every one
    /// of its cells' pulses known by the time this returns (those never heard of are asked).
    /// </summary>
    public async Task<CellWatcher> WatchAsync(IReadOnlyCollection<string> cells, bool wholeCity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var watcher = new CellWatcher(this, cells, wholeCity);
        lock (_gate)
        {
            _watchers = _watchers.Add(watcher);
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
        foreach (var pulse in pulses)
        {
            Keep(pulse);
        }

        foreach (var watcher in _watchers)
        {
            watcher.Changed(pulses);
        }

        return Task.CompletedTask;
    }

    internal void Unwatch(CellWatcher watcher)
    {
        lock (_gate)
        {
            _watchers = _watchers.Remove(watcher);
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
        _latest.AddOrUpdate(pulse.CellId, pulse, (_, known) => known.Version >= pulse.Version ? known : pulse);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The live feed could not subscribe to the cells' changes; trying again shortly")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);
}
