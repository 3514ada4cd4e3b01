namespace Governance.Risk.Training;

/// <summary>How a model is trained: the trainer, its size, and the seed that makes a run repeatable.</summary>
/// <param name="Trainer">FastTree by default.</param>
/// <param name="Seed">Seeds the split and the trainer; the same data and seed give the same model.</param>
/// <param name="TestFraction">The share of rows held out to evaluate on, split by household so a household's storms stay together.</param>
/// <param name="Trees">Boosting rounds.</param>
/// <param name="Leaves">Leaves per tree.</param>
/// <param name="LearningRate">Shrinkage per round.</param>
/// <param name="MinimumLeafRows">Rows a leaf needs at least.</param>
public sealed record TrainingOptions(
    TrainerKind Trainer = TrainerKind.FastTree,
    int Seed = 42,
    double TestFraction = 0.2,
    int Trees = 100,
    int Leaves = 31,
    double LearningRate = 0.1,
    int MinimumLeafRows = 20);
