using Governance.Cli.Display;
using Governance.Cli.Replay;

namespace Governance.Cli.Tests.Replay;

public sealed class ProgressEstimateTests
{
    [Fact]
    public void From_HalfTheFileRead_ExtrapolatesTheTotal()
    {
        var estimate = ProgressEstimate.From(new ReplaySnapshot { RowsRead = 500, FractionRead = 0.5, Acknowledged = 240, RejectedLocally = 10 }, limit: null);

        Assert.Equal(new ProgressEstimate(250, 1000), estimate);
        Assert.Equal(0.25, estimate.Fraction);
    }

    [Fact]
    public void From_FileReadToTheEnd_UsesTheExactCount()
    {
        var estimate = ProgressEstimate.From(new ReplaySnapshot { RowsRead = 2424, FractionRead = 1, Acknowledged = 2422, RejectedLocally = 2 }, limit: null);

        Assert.Equal(new ProgressEstimate(2424, 2424), estimate);
        Assert.Equal(1, estimate.Fraction);
    }

    [Fact]
    public void From_Limit_CapsTheTotal()
    {
        var estimate = ProgressEstimate.From(new ReplaySnapshot { RowsRead = 100, FractionRead = 0.01, Acknowledged = 50 }, limit: 600);

        Assert.Equal(600, estimate.Total);
    }
}
