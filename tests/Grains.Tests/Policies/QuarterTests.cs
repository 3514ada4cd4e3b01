using Governance.Contracts.Policies;

namespace Governance.Grains.Tests.Policies;

public sealed class QuarterTests
{
    [Theory]
    [InlineData("2026-Q1", 2026, 1)]
    [InlineData("2026-Q4", 2026, 4)]
    [InlineData("2000-Q2", 2000, 2)]
    public void AQuarter_IsReadFromItsText(string text, int year, int number)
    {
        Assert.True(Quarter.TryParse(text, out var quarter));
        Assert.Equal(new Quarter(year, number), quarter);
        Assert.Equal(text, quarter.ToString());
    }

    [Theory]
    [InlineData("2026-Q5")]
    [InlineData("2026-q1")]
    [InlineData("1999-Q4")]
    [InlineData("2026Q1")]
    [InlineData("")]
    public void AnythingElse_IsNotAQuarter(string text) => Assert.False(Quarter.TryParse(text, out _));

    [Fact]
    public void AQuarter_RunsThreeMonths_AndTheFourthIsFollowedByTheNextYearsFirst()
    {
        var q4 = new Quarter(2026, 4);

        Assert.Equal(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), q4.Start);
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), q4.End);
        Assert.Equal(new Quarter(2027, 1), q4.Next);
        Assert.Equal(q4, Quarter.Of(new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.Zero)));
        // Quarters are UTC: seven in the morning of New Year's Day in Beijing is still the old year's last evening.
        Assert.Equal(q4, Quarter.Of(new DateTimeOffset(2027, 1, 1, 7, 0, 0, TimeSpan.FromHours(8))));
    }
}
