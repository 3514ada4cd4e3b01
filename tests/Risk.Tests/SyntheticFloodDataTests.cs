using Governance.Risk.Evaluation;
using Governance.Risk.Features;
using Governance.Risk.Synthetic;

namespace Governance.Risk.Tests;

/// <summary>The synthetic data: repeatable, plausible, and drawn from its documented formula.</summary>
public sealed class SyntheticFloodDataTests
{
    [Fact]
    public void TheSameSeed_GivesTheSameRows_AndAPlausibleShareFloods()
    {
        var first = SyntheticFloodData.Generate(20_000, seed: 3);
        var second = SyntheticFloodData.Generate(20_000, seed: 3);
        var share = (double)first.Set.Flooded / first.Set.Count;

        Assert.Equal(first.Set.Examples.SelectMany(e => e.Features), second.Set.Examples.SelectMany(e => e.Features));
        Assert.Equal(first.Set.Examples.Select(e => e.Label), second.Set.Examples.Select(e => e.Label));
        Assert.InRange(share, 0.05, 0.25);
        // The labels follow the true probabilities: their mean is the flooded share, within sampling error.
        Assert.InRange(first.TrueProbabilities.Average() - share, -0.01, 0.01);
        Assert.All(first.Set.Examples, e => Assert.InRange(e.Features[FloodFeatures.Construction], 0, 3));
    }

    [Fact]
    public void TheFormula_RanksAsDocumented()
    {
        var sample = SyntheticFloodData.Generate(20_000, seed: 5);
        var best = MetricsCalculator.Compute(sample.TrueProbabilities, sample.Set.Examples.Select(e => e.Label).ToList());
        var lowGround = new float[FloodFeatures.Count];
        lowGround[FloodFeatures.Storey] = 1;
        lowGround[FloodFeatures.Drainage] = 20;
        lowGround[FloodFeatures.Rainfall] = 200;
        lowGround[FloodFeatures.StormDuration] = 4;
        var higher = (float[])lowGround.Clone();
        higher[FloodFeatures.ElevationAboveCellLowest] = 5;

        // z(low) = −4.3 + 0.014·200 + 0.11·(50 − 20) + 1.1 = 2.9; five metres up takes 2.25 off.
        Assert.Equal(1 / (1 + Math.Exp(-2.9)), SyntheticFloodData.TrueProbability(lowGround), 6);
        Assert.Equal(1 / (1 + Math.Exp(-0.65)), SyntheticFloodData.TrueProbability(higher), 6);
        Assert.InRange(best.Auc, 0.85, 0.97);
    }
}
