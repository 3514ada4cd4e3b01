using Governance.Contracts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Governance.Grains.Watches;

/// <summary>
/// In a cluster, makes sure each named watch has its reminder (<see cref="IWatchGrain"/>) once the silo is up: every
/// silo asks, the first registers it, and the others find it there. Tries again every few seconds until each is.
/// </summary>
public sealed partial class WatchReminders(IGrainFactory grains, IReadOnlyList<string> names, TimeProvider time, ILogger<WatchReminders> logger) : BackgroundService
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var waiting = names.ToList();
        while (waiting.Count > 0 && !stoppingToken.IsCancellationRequested)
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

            if (waiting.Count > 0)
            {
                await Task.Delay(RetryEvery, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The reminder of watch {Name} could not be registered yet; trying again")]
    private static partial void LogNotYet(ILogger logger, Exception exception, string name);
}
