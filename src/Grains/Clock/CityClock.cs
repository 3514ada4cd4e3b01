namespace Governance.Grains.Clock;

/// <summary>
/// The time the city's rules run on: deadlines, escalations, history entries and day tallies. It is a service of its
/// own, apart from the <see cref="TimeProvider"/> Orleans schedules its timers and health checks by, so a test can move
/// the city's time days ahead without the silo judging its own timers days late.
/// </summary>
public sealed class CityClock(TimeProvider time) : TimeProvider
{
    public static CityClock RealTime { get; } = new(TimeProvider.System);

    public override DateTimeOffset GetUtcNow() => time.GetUtcNow();
}
