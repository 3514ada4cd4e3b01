using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Governance.Grains.Watches;

/// <summary>Runs a <see cref="IWatch"/> once the silo is up, then every <see cref="IWatch.Every"/>; a failed check is retried at the next.</summary>
public sealed partial class WatchService<TWatch>(TWatch watch, TimeProvider time, ILogger<WatchService<TWatch>> logger) : BackgroundService
    where TWatch : IWatch
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(watch.Every, time);
        do
        {
            try
            {
                if (await watch.CheckAsync(stoppingToken) is > 0 and var changed)
                {
                    LogChanged(logger, watch.Does, changed);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogCheckFailed(logger, ex, watch.Does);
            }
        }
        while (await NextTickAsync(timer, stoppingToken));
    }

    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watch {Does}: {Count}")]
    private static partial void LogChanged(ILogger logger, string does, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watch {Does} failed; trying again at the next check")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception, string does);
}
