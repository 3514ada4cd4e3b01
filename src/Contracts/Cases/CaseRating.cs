namespace Governance.Contracts.Cases;

/// <summary>A reporter's satisfaction with how a closed case was handled.</summary>
/// <param name="ReporterId">Who rates: one of the case's reporters.</param>
/// <param name="Score">1 (very dissatisfied) to 5 (very satisfied).</param>
/// <param name="Comment">Why, in words; may be empty.</param>
/// <param name="RatedAt">Server time of the rating.</param>
[GenerateSerializer, Immutable, Alias("CaseRating")]
public sealed record class CaseRating(
    [property: Id(0)] string ReporterId,
    [property: Id(1)] int Score,
    [property: Id(2)] string Comment,
    [property: Id(3)] DateTimeOffset RatedAt)
{
    public const int MinScore = 1;
    public const int MaxScore = 5;
}
