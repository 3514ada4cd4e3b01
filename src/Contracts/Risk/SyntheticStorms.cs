using System.Collections.Immutable;

namespace Governance.Contracts.Risk;

/// <summary>A real household under a made-up storm: its features as the platform computes them, and the outcome drawn from the documented formula.</summary>
[GenerateSerializer, Immutable, Alias("SyntheticOutcome")]
public sealed record class SyntheticOutcome(
    [property: Id(0)] string HouseholdId,
    [property: Id(1)] string CellId,
    [property: Id(2)] ImmutableArray<float> Features,
    [property: Id(3)] bool Flooded,
    [property: Id(4)] double TrueProbability);

/// <summary>
/// Training data for a city without storm outcomes yet: made-up storms over its real households, each outcome drawn from
/// the formula in docs/risk-model.md, so the best AUC any model can reach is known. A stateless worker. Key it 0.
/// </summary>
[Alias("ISyntheticStormGrain")]
public interface ISyntheticStormGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Storm number <paramref name="storm"/> of the seed's sequence over every household of the area (a district, street
    /// or community code, a cell id, or empty for the city), in household id order. The same seed, storm and households
    /// give the same rows.
    /// </summary>
    [Alias("Draw"), Orleans.Concurrency.ReadOnly]
    Task<ImmutableArray<SyntheticOutcome>> DrawAsync(string area, int seed, int storm);
}
