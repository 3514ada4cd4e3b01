namespace Governance.Risk.Training;

/// <summary>The gradient-boosted trees to train: ML.NET's own FastTree, or LightGBM.</summary>
public enum TrainerKind
{
    FastTree,
    LightGbm,
}
