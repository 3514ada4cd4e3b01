using Governance.Contracts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Governance.Grains.Watches;

/// <summary>The name a watch runs under on a cluster reminder (<see cref="IWatchGrain"/>); one registration per such watch.</summary>
public sealed record ClusterWatch(string Name);

/// <summary>
/// In a cluster, makes sure each watch registered as a <see cref="ClusterWatch"/> has its reminder once the silo is up:
/// every silo asks, the first registers it, and the others find it there. Tries again every few seconds until each is.
/// </summary>
public sealed partial class WatchReminders(IGrainFactory grains, IEnumerable<ClusterWatch> watches, TimeProvider time, ILogger<WatchReminders> logger) : BackgroundService
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var waiting = watches.Select(watch => watch.Name).ToList();
        while (waiting.Count > 0)
        {
            foreach (var name in waiting.ToList())
            {
                try
                {
                    await grains.GetGrain<IWatchGrain>(GrainKeys.Watch(name)).EnsureScheduledAsync().WaitAsync(stoppingToken);
                    waiting.Remove(name);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogNotYet(logger, ex, name);
                }
            }

            if (waiting.Count > 0 && !await WaitAsync(stoppingToken))
            {
                return;
            }
        }
    }

    private async Task<bool> WaitAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(RetryEvery, time, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The reminder of watch {Name} could not be registered yet; trying again")]
    private static partial void LogNotYet(ILogger logger, Exception exception, string name);
}
