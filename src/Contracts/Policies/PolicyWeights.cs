namespace Governance.Contracts.Policies;

/// <summary>
/// How much each part counts in a policy's score: score = satisfaction × S + fund use × F + complaint load × C, each
/// part normalised to 0–1 first. Complaints count against a policy, so their weight is negative.
/// </summary>
[GenerateSerializer, Immutable, Alias("PolicyWeights")]
public sealed record class PolicyWeights(
    [property: Id(0)] double Satisfaction,
    [property: Id(1)] double FundUse,
    [property: Id(2)] double Complaints)
{
    /// <summary>The defaults: satisfaction 0.4, fund use 0.3, complaints −0.3.</summary>
    public static PolicyWeights Default { get; } = new(0.4, 0.3, -0.3);
}
