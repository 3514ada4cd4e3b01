using Governance.Risk.Scoring;
using Governance.Risk.Synthetic;
using Governance.Risk.Training;

namespace Governance.Risk.Tests;

/// <summary>Scores from the trees walked directly agree with ML.NET's own, for both trainers, before and after a save and load.</summary>
public sealed class CompiledTreesTests
{
    [Theory]
    [InlineData(TrainerKind.FastTree)]
    [InlineData(TrainerKind.LightGbm)]
    public void CompiledScores_AgreeWithMlNet_OnEveryRow(TrainerKind trainer)
    {
        var model = FloodModelTrainer.Train(SyntheticFloodData.Generate(20_000, seed: 3).Set, new TrainingOptions(trainer, Trees: 60));
        var loaded = FloodScorer.Load(model.Scorer.Save());
        // Rows the model never saw, and more of them than one slice, so the slicing is crossed too.
        var rows = SyntheticFloodData.Generate(120_000, seed: 4).Set.Examples.Select(e => e.Features).ToList();

        foreach (var scorer in new[] { model.Scorer, loaded })
        {
            var compiled = scorer.Score(rows);
            var reference = scorer.ScoreWithMlNet(rows);

            Assert.True(scorer.IsCompiled);
            Assert.Equal(rows.Count, compiled.Count);
            var worst = Enumerable.Range(0, rows.Count).Max(i => Math.Abs(compiled[i] - reference[i]));
            Assert.InRange(worst, 0, 1e-6);
            // Not all alike: a walk that stopped at the first tree would agree nowhere near this well, but check the spread anyway.
            Assert.InRange(compiled.Max() - compiled.Min(), 0.5, 1);
        }
    }
}
