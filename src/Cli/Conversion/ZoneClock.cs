namespace Governance.Cli.Conversion;

/// <summary>Turns wall-clock times of one time zone into UTC instants, including the hours a DST change skips or repeats.</summary>
public sealed class ZoneClock(TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>
    /// The UTC instant of <paramref name="wallClock"/> in <see cref="Zone"/>. A time the spring change skips (02:30 on
    /// the day clocks jump from 02:00 to 03:00) is read with the offset in force before the jump, as a clock not yet
    /// put forward would show it; a time the autumn change repeats is taken as its first occurrence. Both happen in
    /// real exports, and refusing them would drop real reports for an hour's ambiguity.
    /// </summary>
    public DateTime ToUtc(DateTime wallClock)
    {
        var local = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (Zone.IsInvalidTime(local))
        {
            // Transitions are months apart, so a day earlier the old offset is in force.
            offset = Zone.GetUtcOffset(local.AddDays(-1));
        }
        else if (Zone.IsAmbiguousTime(local))
        {
            // The larger offset gives the earlier instant: the first time the clock showed this.
            offset = Zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = Zone.GetUtcOffset(local);
        }

        return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
    }
}
