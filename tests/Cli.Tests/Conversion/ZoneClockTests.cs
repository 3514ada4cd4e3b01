using System.Globalization;
using Governance.Cli.Conversion;

namespace Governance.Cli.Tests.Conversion;

/// <summary>Boston wall-clock times to UTC around the 2025 changes (9 March 02:00 → 03:00, 2 November 02:00 → 01:00).</summary>
public sealed class ZoneClockTests
{
    private static readonly ZoneClock Boston = new(TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));

    [Theory]
    [InlineData("2025-01-24T03:24:56", "2025-01-24T08:24:56Z")] // EST, UTC-5
    [InlineData("2025-03-09T01:53:00", "2025-03-09T06:53:00Z")] // seven minutes before the change
    [InlineData("2025-03-09T03:00:00", "2025-03-09T07:00:00Z")] // the first minute of EDT
    [InlineData("2025-03-09T06:54:00", "2025-03-09T10:54:00Z")] // EDT, UTC-4
    [InlineData("2025-05-19T04:45:27", "2025-05-19T08:45:27Z")]
    public void ToUtc_OrdinaryTimes_UseTheOffsetInForce(string wallClock, string utc) =>
        Assert.Equal(
            DateTime.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal),
            Boston.ToUtc(DateTime.Parse(wallClock, CultureInfo.InvariantCulture)));

    [Fact]
    public void ToUtc_TimeTheSpringChangeSkips_IsReadWithTheOffsetBeforeIt()
    {
        var utc = Boston.ToUtc(new DateTime(2025, 3, 9, 2, 30, 0));

        // 02:30 "EST" is 07:30 UTC, which Boston's clocks showed as 03:30 EDT.
        Assert.Equal(new DateTime(2025, 3, 9, 7, 30, 0, DateTimeKind.Utc), utc);
    }

    [Fact]
    public void ToUtc_TimeTheAutumnChangeRepeats_IsItsFirstOccurrence()
    {
        var utc = Boston.ToUtc(new DateTime(2025, 11, 2, 1, 30, 0));

        // 01:30 EDT (UTC-4), not the second 01:30 an hour later in EST.
        Assert.Equal(new DateTime(2025, 11, 2, 5, 30, 0, DateTimeKind.Utc), utc);
    }
}
