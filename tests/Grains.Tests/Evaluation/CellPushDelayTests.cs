using Governance.Grains.Evaluation;

namespace Governance.Grains.Tests.Evaluation;

/// <summary>Cells changed in the same second push their tallies apart, never later than the push interval.</summary>
public sealed class CellPushDelayTests
{
    [Theory]
    [InlineData(0.0, 15.0)]
    [InlineData(0.5, 22.5)]
    [InlineData(0.999999, 29.99997)]
    public void ACellWaits_BetweenHalfTheIntervalAndAllOfIt(double random, double seconds)
    {
        var options = new EvaluationOptions { PushSeconds = 30 };

        Assert.Equal(seconds, options.CellPushDelay(random).TotalSeconds, precision: 4);
    }
}
