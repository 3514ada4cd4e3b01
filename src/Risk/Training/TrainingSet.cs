using Governance.Risk.Features;

namespace Governance.Risk.Training;

/// <summary>Labelled examples: one household under one storm each, and whether it flooded.</summary>
public sealed class TrainingSet(IReadOnlyList<string> householdIds, IReadOnlyList<FloodExample> examples)
{
    public IReadOnlyList<string> HouseholdIds { get; } = householdIds;

    public IReadOnlyList<FloodExample> Examples { get; } = examples;

    public int Count => Examples.Count;

    public int Flooded => Examples.Count(e => e.Label);
}
