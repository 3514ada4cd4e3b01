namespace Governance.Grains.Watches;

/// <summary>
/// Where a cluster runs one <see cref="IWatch"/>: a durable reminder calls it every <see cref="IWatch.Every"/>, on
/// whichever silo holds it, so the cluster checks once per period and a silo that dies takes no watch with it.
/// Keyed <c>watch:&lt;name&gt;</c>, the name the watch is registered under (<see cref="WatchReminders"/>).
/// </summary>
[Alias("Governance.Grains.Watches.IWatchGrain")]
public interface IWatchGrain : IGrainWithStringKey
{
    /// <summary>Registers the reminder, unless it is registered already with the watch's period; idempotent.</summary>
    [Alias("EnsureScheduled")]
    Task EnsureScheduledAsync();
}
