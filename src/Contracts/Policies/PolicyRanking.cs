using System.Collections.Immutable;

namespace Governance.Contracts.Policies;

/// <summary>Scores, and the weights they were made with.</summary>
[GenerateSerializer, Immutable, Alias("PolicyRanking")]
public sealed record class PolicyRanking(
    [property: Id(0)] PolicyWeights Weights,
    [property: Id(1)] ImmutableArray<PolicyScore> Scores);
