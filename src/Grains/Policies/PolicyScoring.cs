using System.Collections.Immutable;
using Governance.Contracts.Policies;

namespace Governance.Grains.Policies;

/// <summary>
/// A policy's score: three parts, each normalised to 0–1 so that policies of different sizes compare, weighted and
/// added. Satisfaction is the mean of every rating and survey answer mapped from 1–5 to 0–1; fund use is spent over
/// allocated, capped at 1; the complaint load is complaints per 1,000 residents covered over the rate that counts in
/// full, capped at 1. A part with no data (no ratings, no funds recorded, nobody on file) is the neutral 0.5, and says so.
/// </summary>
public static class PolicyScoring
{
    private const double Neutral = 0.5;

    public static PolicyScore Score(PolicyDefinition policy, Quarter quarter, PolicyInputs inputs, PolicyWeights weights, double fullLoadPerThousand)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(weights);
        var votes = inputs.CaseRatings + inputs.SurveyAnswers;
        var satisfaction = votes == 0 ? Neutral : (((double)(inputs.CaseRatingSum + inputs.SurveyAnswerSum) / votes) - 1) / 4;
        var fundUse = inputs.AllocatedYuan == 0 ? Neutral : Math.Min(1, (double)inputs.SpentYuan / inputs.AllocatedYuan);
        var perThousand = inputs.ResidentsCovered == 0 ? 0 : inputs.Complaints * 1000.0 / inputs.ResidentsCovered;
        var load = inputs.ResidentsCovered == 0 ? Neutral : Math.Min(1, perThousand / fullLoadPerThousand);
        return new PolicyScore
        {
            PolicyId = policy.PolicyId,
            Name = policy.Name,
            Quarter = quarter,
            CaseRatings = inputs.CaseRatings,
            CaseRatingSum = inputs.CaseRatingSum,
            SurveyAnswers = inputs.SurveyAnswers,
            SurveyAnswerSum = inputs.SurveyAnswerSum,
            Satisfaction = satisfaction,
            SatisfactionKnown = votes > 0,
            AllocatedYuan = inputs.AllocatedYuan,
            SpentYuan = inputs.SpentYuan,
            FundUse = fundUse,
            FundUseKnown = inputs.AllocatedYuan > 0,
            Complaints = inputs.Complaints,
            ResidentsCovered = inputs.ResidentsCovered,
            ComplaintsPerThousand = perThousand,
            ComplaintLoad = load,
            ComplaintsKnown = inputs.ResidentsCovered > 0,
            Score = (weights.Satisfaction * satisfaction) + (weights.FundUse * fundUse) + (weights.Complaints * load),
        };
    }

    /// <summary>The scores best first (ties by policy id), each with its rank.</summary>
    public static ImmutableArray<PolicyScore> Ranked(IEnumerable<PolicyScore> scores) =>
        [.. scores.OrderByDescending(s => s.Score).ThenBy(s => s.PolicyId, StringComparer.Ordinal).Select((s, i) => s with { Rank = i + 1 })];
}
