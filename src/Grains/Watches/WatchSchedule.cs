namespace Governance.Grains.Watches;

/// <summary>What a <see cref="WatchGrain"/> stores (under the state name "watch"): the period its reminder was registered with.</summary>
public sealed class WatchSchedule
{
    /// <summary>Zero until the reminder is first registered.</summary>
    public TimeSpan Period { get; set; }
}
