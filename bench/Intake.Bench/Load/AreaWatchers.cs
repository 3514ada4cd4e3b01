using System.Diagnostics;
using Governance.Contracts.Access;
using Governance.Contracts.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Governance.Intake.Bench.Load;

/// <summary>
/// Live watchers (GridService.WatchCells) held open during a phase, as dispatchers' screens would be: each watches one
/// area (the city's streets in turn), reads every message, and notes how long each change took from its cell to here
/// (the pulse's changed_at against this machine's clock: the silo runs on the same machine).
/// </summary>
public sealed class AreaWatchers : IAsyncDisposable
{
    private readonly GrpcChannel _channel;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _readers = [];
    private readonly List<long> _lagTicks = [];
    private readonly Lock _gate = new();
    private long _messages;
    private long _pulses;
    private bool _measuring;

    private AreaWatchers(GrpcChannel channel) => _channel = channel;

    /// <summary>Watches open now.</summary>
    public int Open => _readers.Count(r => !r.IsCompleted);

    /// <summary>Opens <paramref name="count"/> watchers, each once its snapshot has come.</summary>
    public static async Task<AreaWatchers> OpenAsync(string address, string token, int count, CancellationToken cancellationToken)
    {
        // Kestrel lets 100 streams share a connection: more watchers open more connections.
        var channel = BearerChannel.ForAddress(address, token, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
            MaxReceiveMessageSize = 16 * 1024 * 1024,
        });
        var watchers = new AreaWatchers(channel);
        var grid = new GridService.GridServiceClient(channel);
        var streets = (await grid.ListAreasAsync(new ListAreasRequest(), cancellationToken: cancellationToken)).Areas
            .Where(a => a.Level == AreaLevel.Street).Select(a => a.Code).ToList();
        var snapshots = new List<Task>();
        for (var i = 0; i < count; i++)
        {
            var opened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            snapshots.Add(opened.Task);
            watchers._readers.Add(watchers.ReadAsync(grid, streets[i % streets.Count], opened));
        }

        await Task.WhenAll(snapshots).WaitAsync(cancellationToken);
        return watchers;
    }

    /// <summary>From now on, lags are kept (the snapshots and warm-up are not).</summary>
    public void StartMeasuring()
    {
        lock (_gate)
        {
            _measuring = true;
            _lagTicks.Clear();
        }

        Interlocked.Exchange(ref _messages, 0);
        Interlocked.Exchange(ref _pulses, 0);
    }

    /// <summary>Messages, pulses and change-to-here lag since <see cref="StartMeasuring"/>.</summary>
    public (long Messages, long Pulses, LatencySummary Lag) Result()
    {
        lock (_gate)
        {
            return (Interlocked.Read(ref _messages), Interlocked.Read(ref _pulses), LatencySummary.From([.. _lagTicks]));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_readers);
        _stop.Dispose();
        _channel.Dispose();
    }

    private async Task ReadAsync(GridService.GridServiceClient grid, string street, TaskCompletionSource opened)
    {
        try
        {
            using var watch = grid.WatchCells(new WatchCellsRequest { AreaCode = street }, cancellationToken: _stop.Token);
            while (await watch.ResponseStream.MoveNext(_stop.Token))
            {
                var message = watch.ResponseStream.Current;
                if (message.Snapshot)
                {
                    opened.TrySetResult();
                    continue;
                }

                var now = DateTimeOffset.UtcNow;
                Interlocked.Increment(ref _messages);
                Interlocked.Add(ref _pulses, message.Cells.Count);
                lock (_gate)
                {
                    if (_measuring)
                    {
                        foreach (var pulse in message.Cells)
                        {
                            _lagTicks.Add((long)((now - pulse.ChangedAt.ToDateTimeOffset()).TotalSeconds * Stopwatch.Frequency));
                        }
                    }
                }
            }
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled || _stop.IsCancellationRequested)
        {
        }
        catch (OperationCanceledException)
        {
        }
        catch (RpcException ex)
        {
            opened.TrySetException(ex);
        }
    }
}
