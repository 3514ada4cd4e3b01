using System.Collections.Immutable;

namespace Governance.Contracts.Policies;

/// <summary>What a policy is, as a township defines it; the gateway has checked every field.</summary>
/// <param name="PolicyId">
/// A code such as "toilet-renovation". Cases about the policy are tagged by category: "policy.&lt;id&gt;" or
/// "policy.&lt;id&gt;.&lt;topic&gt;"; those are its complaints.
/// </param>
/// <param name="Name">Its name, e.g. "Rural toilet renovation (厕所革命)".</param>
/// <param name="Areas">Where it runs: area codes (villages, communities, streets) or cell ids.</param>
[GenerateSerializer, Immutable, Alias("PolicyDefinition")]
public sealed record class PolicyDefinition(
    [property: Id(0)] string PolicyId,
    [property: Id(1)] string Name,
    [property: Id(2)] ImmutableArray<string> Areas)
{
    /// <summary>The category its tagged cases carry, and the family below it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Category => "policy." + PolicyId;
}
