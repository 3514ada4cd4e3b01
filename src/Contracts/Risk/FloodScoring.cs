using System.Collections.Immutable;

namespace Governance.Contracts.Risk;

/// <summary>A storm as forecast: rainfall over 24 hours and how long it lasts.</summary>
[GenerateSerializer, Immutable, Alias("StormForecastInput")]
public sealed record class StormForecastInput(
    [property: Id(0)] double RainfallMm24h,
    [property: Id(1)] double DurationHours);

/// <summary>One household's score: its features as the model saw them and, when asked, each one's push on the score.</summary>
[GenerateSerializer, Immutable, Alias("HouseholdFloodScore")]
public sealed record class HouseholdFloodScore(
    [property: Id(0)] string HouseholdId,
    [property: Id(1)] string CellId,
    [property: Id(2)] double Probability,
    [property: Id(3)] bool Flagged,
    [property: Id(4)] ImmutableArray<float> Features,
    [property: Id(5)] ImmutableArray<float> Contributions);

/// <summary>Scores from one model version (0 when none is promoted, and then no scores), and the ids not on file.</summary>
[GenerateSerializer, Immutable, Alias("FloodScoring")]
public sealed record class FloodScoring(
    [property: Id(0)] long ModelVersion,
    [property: Id(1)] ImmutableArray<HouseholdFloodScore> Scores,
    [property: Id(2)] ImmutableArray<string> Unknown);

/// <summary>Scores households with the model this silo serves. A stateless worker. Key it 0.</summary>
[Alias("IFloodScoringGrain")]
public interface IFloodScoringGrain : IGrainWithIntegerKey
{
    [Alias("Score"), Orleans.Concurrency.ReadOnly]
    Task<FloodScoring> ScoreAsync(ImmutableArray<string> householdIds, StormForecastInput forecast, bool explain);
}
