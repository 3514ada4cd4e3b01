using Governance.Risk.Evaluation;

namespace Governance.Risk.Tests;

/// <summary>The metrics on sets small enough to work out by hand.</summary>
public sealed class MetricsCalculatorTests
{
    // Scores, highest first: 0.9 F, 0.8 D, 0.7 F, 0.6 D, 0.4 F, 0.3 D, 0.2 D, 0.1 D (F flooded, D dry).
    private static readonly double[] Scores = [0.9, 0.8, 0.7, 0.6, 0.4, 0.3, 0.2, 0.1];
    private static readonly bool[] Flooded = [true, false, true, false, true, false, false, false];

    [Fact]
    public void AucPrAucPrecisionAtKAndTheConfusionMatrix_AreWhatTheHandCountGives()
    {
        var metrics = MetricsCalculator.Compute(Scores, Flooded, threshold: 0.5, ks: [1, 2, 4]);

        // Pairs (flooded above dry) of 3 × 5: the first beats 5, the second 4, the third 3: 12 / 15.
        Assert.Equal(12.0 / 15, metrics.Auc, 10);
        // Precision at each flooded rank: 1/1, 2/3, 3/5.
        Assert.Equal((1 + 2.0 / 3 + 3.0 / 5) / 3, metrics.PrAuc, 10);
        Assert.Equal([(1, 1.0), (2, 0.5), (4, 0.5)], metrics.PrecisionAtK.Select(p => (p.K, p.Precision)).ToArray());
        Assert.Equal(new ConfusionCounts(2, 2, 3, 1), metrics.Confusion);
        Assert.Equal((0.5, 2.0 / 3), (metrics.Confusion.Precision, metrics.Confusion.Recall));
        Assert.Equal((8, 3), (metrics.Rows, metrics.Positives));
    }

    [Fact]
    public void WithoutAThreshold_TheOneWithTheBestF1IsChosen_AndTiesCountHalf()
    {
        var chosen = MetricsCalculator.Compute(Scores, Flooded);
        var tied = MetricsCalculator.Compute([0.5, 0.5, 0.5, 0.5], [true, false, true, false]);

        // F1 flagging from 0.9: 2·1·(1/3)/(4/3) = 0.5; from 0.7: 2/3; from 0.4 (3 of 5 flagged, all 3 found): 0.75.
        Assert.Equal(0.4, chosen.Threshold);
        Assert.Equal(0.75, chosen.Confusion.F1, 10);
        Assert.Equal(0.5, tied.Auc, 10);
    }

    [Fact]
    public void Calibration_BinsByPredictedProbability()
    {
        var metrics = MetricsCalculator.Compute([0.05, 0.05, 0.95, 0.95, 0.95, 0.95], [false, true, true, true, true, false]);

        var low = metrics.Calibration[0];
        var high = metrics.Calibration[9];
        Assert.Equal((2, 0.05, 0.5), (low.Rows, low.MeanProbability, low.FloodedShare));
        Assert.Equal((4, 0.95, 0.75), (high.Rows, Math.Round(high.MeanProbability, 10), high.FloodedShare));
        Assert.All(metrics.Calibration.Skip(1).Take(8), bin => Assert.Equal(0, bin.Rows));
        // (2 × |0.05 − 0.5| + 4 × |0.95 − 0.75|) / 6
        Assert.Equal((2 * 0.45 + 4 * 0.2) / 6, metrics.CalibrationError, 10);
    }

    [Fact]
    public void OneOutcomeOnly_IsRefused()
    {
        var refused = Assert.Throws<ArgumentException>(() => MetricsCalculator.Compute([0.2, 0.4], [false, false]));

        Assert.Contains("both outcomes", refused.Message, StringComparison.Ordinal);
    }
}
