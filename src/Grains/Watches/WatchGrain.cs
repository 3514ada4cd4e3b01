using Governance.Contracts;
using Governance.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Governance.Grains.Watches;

/// <summary>
/// Runs the watch registered under its key's name each time its reminder fires. A check the period outruns is not run
/// twice at once: the grain takes one call at a time, and a tick that finds the last check still running waits behind it.
/// </summary>
public sealed partial class WatchGrain(
    [PersistentState("watch", StoreNames.Main)] IPersistentState<WatchSchedule> schedule,
    IServiceProvider services,
    ILogger<WatchGrain> logger) : Grain, IWatchGrain, IRemindable
{
    private const string ReminderName = "check";

    private IWatch _watch = null!;
    private string _name = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _name = GrainKeys.Strip(this.GetPrimaryKeyString(), GrainKeys.WatchPrefix);
        _watch = services.GetRequiredKeyedService<IWatch>(_name);
        return Task.CompletedTask;
    }

    public async Task EnsureScheduledAsync()
    {
        // Registering again moves the next tick, so every silo's start would put the check off: only a missing reminder
        // or a changed period is written. (A reminder does not tell its period, hence the grain's own record of it.)
        if (schedule.State.Period == _watch.Every && await this.GetReminder(ReminderName) is not null)
        {
            return;
        }

        await this.RegisterOrUpdateReminder(ReminderName, _watch.Every, _watch.Every);
        schedule.State.Period = _watch.Every;
        await schedule.WriteStateAsync();
        LogScheduled(logger, _name, _watch.Every.TotalSeconds);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        try
        {
            if (await _watch.CheckAsync() is > 0 and var changed)
            {
                LogChanged(logger, _watch.Does, changed);
            }
        }
        catch (Exception ex)
        {
            // The reminder fires again after its period; the check is made afresh then.
            LogCheckFailed(logger, ex, _watch.Does);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watch {Name} runs every {Seconds} s on the cluster's reminder")]
    private static partial void LogScheduled(ILogger logger, string name, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watch {Does}: {Count}")]
    private static partial void LogChanged(ILogger logger, string does, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watch {Does} failed; trying again at the next tick")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception, string does);
}
