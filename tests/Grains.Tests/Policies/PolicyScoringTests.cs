using Governance.Contracts.Policies;
using Governance.Grains.Policies;

namespace Governance.Grains.Tests.Policies;

/// <summary>Policy scores against values worked out by hand, with the default weights (0.4, 0.3, −0.3) and full load at 10 per 1,000.</summary>
public sealed class PolicyScoringTests
{
    private static readonly Quarter Q3 = new(2026, 3);

    [Fact]
    public void AScore_IsTheWeightedSumOfItsNormalisedParts()
    {
        // Ratings 5, 4, 3 and answers 5, 4: mean 21 / 5 = 4.2, satisfaction (4.2 − 1) / 4 = 0.8.
        // 750,000 of 1,000,000 spent: 0.75. 6 complaints among 2,000 residents: 3 per 1,000, load 3 / 10 = 0.3.
        // 0.4 × 0.8 + 0.3 × 0.75 − 0.3 × 0.3 = 0.32 + 0.225 − 0.09 = 0.455.
        var score = Score("toilets", new PolicyInputs(3, 12, 2, 9, 1_000_000, 750_000, 6, 2_000));

        Assert.Equal(0.8, score.Satisfaction, 12);
        Assert.Equal(0.75, score.FundUse, 12);
        Assert.Equal(3.0, score.ComplaintsPerThousand, 12);
        Assert.Equal(0.3, score.ComplaintLoad, 12);
        Assert.Equal(0.455, score.Score, 12);
        Assert.True(score.SatisfactionKnown && score.FundUseKnown && score.ComplaintsKnown);
    }

    [Fact]
    public void Overspending_AndComplaintsAboveTheFullRate_CountNoMoreThanInFull()
    {
        // Answers averaging 3: 0.5. 12,000,000 spent of 10,000,000: capped at 1. 300 among 20,000: 15 per 1,000, capped at 1.
        // 0.4 × 0.5 + 0.3 × 1 − 0.3 × 1 = 0.2.
        var score = Score("waste", new PolicyInputs(0, 0, 10, 30, 10_000_000, 12_000_000, 300, 20_000));

        Assert.Equal((1.0, 1.0, 15.0), (score.FundUse, score.ComplaintLoad, score.ComplaintsPerThousand));
        Assert.Equal(0.2, score.Score, 12);
    }

    [Fact]
    public void APartWithoutData_IsNeutral_AndSaysSo()
    {
        // No ratings, no funds, nobody on file: 0.4 × 0.5 + 0.3 × 0.5 − 0.3 × 0.5 = 0.2.
        var score = Score("land", new PolicyInputs(0, 0, 0, 0, 0, 0, 4, 0));

        Assert.Equal((0.5, 0.5, 0.5), (score.Satisfaction, score.FundUse, score.ComplaintLoad));
        Assert.False(score.SatisfactionKnown || score.FundUseKnown || score.ComplaintsKnown);
        Assert.Equal(0.2, score.Score, 12);
    }

    [Fact]
    public void PoliciesOfDifferentSizes_WithTheSameRates_ScoreTheSame()
    {
        // A village of 100 with 1 complaint and a town of 10,000 with 100: both 10 per 1,000; funds used alike.
        var village = Score("village", new PolicyInputs(2, 8, 0, 0, 50_000, 40_000, 1, 100));
        var town = Score("town", new PolicyInputs(200, 800, 0, 0, 5_000_000, 4_000_000, 100, 10_000));

        Assert.Equal(village.Score, town.Score, 12);
        Assert.Equal(1.0, town.ComplaintLoad, 12);
    }

    [Fact]
    public void OtherWeights_ChangeTheScore_AndTheRanking()
    {
        var cheap = new PolicyInputs(1, 5, 0, 0, 100, 10, 0, 1_000);   // satisfaction 1, fund use 0.1, load 0
        var spent = new PolicyInputs(1, 1, 0, 0, 100, 100, 0, 1_000);  // satisfaction 0, fund use 1, load 0

        var byDefault = PolicyScoring.Ranked([Score("cheap", cheap), Score("spent", spent)]);
        var moneyFirst = PolicyScoring.Ranked([Score("cheap", cheap, new PolicyWeights(0.1, 0.9, 0)), Score("spent", spent, new PolicyWeights(0.1, 0.9, 0))]);

        // Default: cheap 0.4 + 0.03 = 0.43 against spent 0.3. Money first: cheap 0.1 + 0.09 = 0.19 against spent 0.9.
        Assert.Equal([("cheap", 1, 0.43), ("spent", 2, 0.3)], byDefault.Select(s => (s.PolicyId, s.Rank, Math.Round(s.Score, 12))).ToArray());
        Assert.Equal([("spent", 1, 0.9), ("cheap", 2, 0.19)], moneyFirst.Select(s => (s.PolicyId, s.Rank, Math.Round(s.Score, 12))).ToArray());
    }

    private static PolicyScore Score(string id, PolicyInputs inputs, PolicyWeights? weights = null) =>
        PolicyScoring.Score(new PolicyDefinition(id, id, ["tc"]), Q3, inputs, weights ?? PolicyWeights.Default, fullLoadPerThousand: 10);
}
