using Governance.Risk.Evaluation;
using Governance.Risk.Features;
using Governance.Risk.Scoring;
using Governance.Risk.Synthetic;
using Governance.Risk.Training;
using Microsoft.ML;

namespace Governance.Risk.Tests;

/// <summary>Training on synthetic data whose truth is known: the model comes close to the best possible, repeatably, and explains itself.</summary>
public sealed class FloodModelTrainerTests
{
    private static readonly Lazy<(SyntheticSample Sample, TrainedFloodModel Model)> Trained = new(() =>
    {
        var sample = SyntheticFloodData.Generate(30_000, seed: 7);
        return (sample, FloodModelTrainer.Train(sample.Set, new TrainingOptions()));
    });

    [Fact]
    public void FastTree_ComesWithin0_02OfTheBestPossibleAuc_OnHeldOutHouseholds()
    {
        var (sample, model) = Trained.Value;
        var best = MetricsCalculator.Compute(model.TestRows.Select(r => SyntheticFloodData.TrueProbability(r.Features)).ToList(), model.TestRows.Select(r => r.Label).ToList());

        Assert.InRange(model.TestRows.Count, 5_000, 7_000);
        Assert.Equal(sample.Set.Count, model.TrainingRows + model.TestRows.Count);
        Assert.InRange(best.Auc, 0.85, 0.97);
        Assert.InRange(model.Metrics.Auc, best.Auc - 0.02, best.Auc + 0.01);
        Assert.InRange(model.Metrics.PrAuc, best.PrAuc - 0.05, 1);
        Assert.InRange(model.Metrics.CalibrationError, 0, 0.03);
    }

    [Fact]
    public void TheSameDataAndSeed_GiveTheSameModel_AndTheFingerprintFollowsTheData()
    {
        var (sample, model) = Trained.Value;
        var again = FloodModelTrainer.Train(sample.Set, new TrainingOptions());
        var probe = model.TestRows.Take(500).Select(r => r.Features).ToList();
        var other = SyntheticFloodData.Generate(30_000, seed: 8);

        Assert.Equal(model.Scorer.Score(probe), again.Scorer.Score(probe));
        Assert.Equal(model.DataFingerprint, again.DataFingerprint);
        Assert.Matches("^[0-9a-f]{64}$", model.DataFingerprint);
        Assert.NotEqual(model.DataFingerprint, FloodModelTrainer.Fingerprint(other.Set));
    }

    [Fact]
    public void LightGbm_IsAnOption_AndLearnsAsWell()
    {
        var (sample, model) = Trained.Value;

        var light = FloodModelTrainer.Train(sample.Set, new TrainingOptions(TrainerKind.LightGbm));

        Assert.InRange(light.Metrics.Auc, model.Metrics.Auc - 0.02, 1);
        Assert.NotEqual(model.Scorer.Score([model.TestRows[0].Features]), light.Scorer.Score([model.TestRows[0].Features]));
    }

    [Fact]
    public void AModelFile_LoadsBackToTheSameScores_AndExplanations()
    {
        var (_, model) = Trained.Value;
        var probe = model.TestRows.Take(200).Select(r => r.Features).ToList();

        var loaded = FloodScorer.Load(model.Scorer.Save());

        Assert.Equal(model.Scorer.Score(probe), loaded.Score(probe));
        Assert.Equal(model.Scorer.Explain(probe).SelectMany(c => c), loaded.Explain(probe).SelectMany(c => c));
    }

    [Fact]
    public void AFileOfAnotherShape_IsRefusedWithTheReason()
    {
        var ml = new MLContext(seed: 1);
        var rows = Enumerable.Range(0, 200).Select(i => new ThreeFeatures { Features = [i, i % 7, i % 3], Label = i % 2 == 0 }).ToList();
        var data = ml.Data.LoadFromEnumerable(rows);
        var other = ml.BinaryClassification.Trainers.FastTree(numberOfTrees: 5, minimumExampleCountPerLeaf: 5).Fit(data);
        using var stream = new MemoryStream();
        ml.Model.Save(other, data.Schema, stream);

        var wrongShape = Assert.Throws<FloodModelMismatchException>(() => FloodScorer.Load(stream.ToArray()));
        var notAModel = Assert.Throws<FloodModelMismatchException>(() => FloodScorer.Load([1, 2, 3, 4]));

        Assert.Contains($"its input is not a vector of {FloodFeatures.Count} floats named Features", wrongShape.Message, StringComparison.Ordinal);
        Assert.Contains("it is not an ML.NET model file", notAModel.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Explanations_PushALowGroundFloorHomeUp_AndAHighFlatDown()
    {
        var (_, model) = Trained.Value;
        var exposed = Household(elevation: 0.3f, storey: 1, rainfall: 220);
        var safe = Household(elevation: 12f, storey: 9, rainfall: 220);

        var scores = model.Scorer.Score([exposed, safe]);
        var contributions = model.Scorer.Explain([exposed, safe]);
        var importance = model.Scorer.Importance();

        Assert.True(scores[0] > 0.5 && scores[1] < 0.05, $"scores {scores[0]:0.000}, {scores[1]:0.000}");
        Assert.True(contributions[0][FloodFeatures.ElevationAboveCellLowest] > 0 && contributions[0][FloodFeatures.Storey] > 0);
        Assert.True(contributions[1][FloodFeatures.ElevationAboveCellLowest] < 0 && contributions[1][FloodFeatures.Storey] < 0);
        Assert.Equal(1.0, importance.Max(), 10);
        Assert.Contains(Enumerable.Range(0, FloodFeatures.Count).OrderByDescending(i => importance[i]).First(),
            new[] { FloodFeatures.ElevationAboveCellLowest, FloodFeatures.Storey, FloodFeatures.Rainfall, FloodFeatures.StormDuration });
    }

    private static float[] Household(float elevation, float storey, float rainfall)
    {
        var features = new float[FloodFeatures.Count];
        features[FloodFeatures.ElevationAboveCellLowest] = elevation;
        features[FloodFeatures.DistanceToRiver] = 400;
        features[FloodFeatures.Storey] = storey;
        features[FloodFeatures.Construction] = 1;
        features[FloodFeatures.BuildingAge] = 30;
        features[FloodFeatures.PastFloodReports] = 1;
        features[FloodFeatures.Drainage] = 25;
        features[FloodFeatures.Rainfall] = rainfall;
        features[FloodFeatures.StormDuration] = 6;
        return features;
    }

    private sealed class ThreeFeatures
    {
        [Microsoft.ML.Data.VectorType(3)]
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }
}
