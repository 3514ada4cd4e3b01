using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Governance.Grains.Deadlines;

/// <summary>Runs the <see cref="DeadlineWatch"/> once the silo is up, then every <see cref="DeadlineOptions.CheckSeconds"/>.</summary>
public sealed partial class DeadlineWatchService(DeadlineWatch watch, IOptions<DeadlineOptions> options, TimeProvider time, ILogger<DeadlineWatchService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.CheckSeconds), time);
        do
        {
            try
            {
                if (await watch.CheckAsync(stoppingToken) is > 0 and var escalated)
                {
                    LogEscalated(logger, escalated);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogCheckFailed(logger, ex);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalated {Count} overdue cases")]
    private static partial void LogEscalated(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking deadlines failed; trying again at the next check")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
