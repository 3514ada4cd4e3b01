using System.Collections.Immutable;
using Governance.Contracts.LiveFeed;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Governance.Grains.LiveFeed;

/// <summary>
/// This silo's cells' changes on their way to live views. A cell hands over its pulse on every change (a dictionary
/// write, nothing awaited on the intake path); every <see cref="Period"/> the latest pulse of each cell that changed
/// goes to every listener the feed grain knows of, in one one-way call each. A burst in a cell is one pulse.
/// </summary>
public sealed partial class CellPulses(IGrainFactory grains, TimeProvider time, ILogger<CellPulses> logger) : BackgroundService
{
    /// <summary>How often changes are sent: well inside the one second a change may take to reach a watcher.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(150);

    // Listeners are asked for this often, not on every send: a new watcher process waits at most this long.
    private static readonly TimeSpan ListenersAge = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private Dictionary<string, CellPulse> _changed = new(StringComparer.Ordinal);
    private ImmutableArray<ICellFeedObserver> _listeners = [];
    private long? _listenersAt;

    /// <summary>A cell changed: this is what it looks like now.</summary>
    public void Changed(CellPulse pulse)
    {
        ArgumentNullException.ThrowIfNull(pulse);
        lock (_gate)
        {
            _changed[pulse.CellId] = pulse;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SendAsync();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task SendAsync()
    {
        lock (_gate)
        {
            if (_changed.Count == 0)
            {
                return;
            }
        }

        try
        {
            if (_listenersAt is not { } at || time.GetElapsedTime(at) > ListenersAge)
            {
                _listeners = await grains.GetGrain<ICellFeedGrain>(0).ListenersAsync();
                _listenersAt = time.GetTimestamp();
            }
        }
        catch (Exception ex) when (ex is TimeoutException or OrleansException)
        {
            LogListenersFailed(logger, ex);
            return;
        }

        // Swapped, not cleared: a cell that changes while the batch goes out is in the next one.
        Dictionary<string, CellPulse> taken;
        lock (_gate)
        {
            (taken, _changed) = (_changed, new Dictionary<string, CellPulse>(StringComparer.Ordinal));
        }

        var batch = taken.Values.ToImmutableArray();
        foreach (var listener in _listeners)
        {
            try
            {
                await listener.CellsChangedAsync(batch);
            }
            catch (Exception ex) when (ex is TimeoutException or OrleansException)
            {
                // One-way: a listener that is gone lapses at the feed grain; the others still hear.
                LogSendFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cell feed's listeners could not be read; changes wait for the next send")]
    private static partial void LogListenersFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A cell feed listener could not be reached")]
    private static partial void LogSendFailed(ILogger logger, Exception exception);
}
