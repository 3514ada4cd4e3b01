using Governance.Risk.Features;

namespace Governance.Risk.Training;

/// <summary>
/// Labelled examples: one household under one storm each, and whether it flooded; for synthetic rows, also the
/// probability each outcome was drawn with.
/// </summary>
public sealed class TrainingSet(IReadOnlyList<string> householdIds, IReadOnlyList<FloodExample> examples, IReadOnlyList<double>? trueProbabilities = null)
{
    public IReadOnlyList<string> HouseholdIds { get; } = householdIds;

    public IReadOnlyList<FloodExample> Examples { get; } = examples;

    /// <summary>Synthetic rows only (null otherwise): each outcome was drawn with this probability, the documented formula's.</summary>
    public IReadOnlyList<double>? TrueProbabilities { get; } = trueProbabilities;

    public int Count => Examples.Count;

    public int Flooded => Examples.Count(e => e.Label);
}
