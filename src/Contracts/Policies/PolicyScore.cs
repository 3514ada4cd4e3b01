namespace Governance.Contracts.Policies;

/// <summary>A policy's score for one quarter, with every input and normalised part it was made from.</summary>
[GenerateSerializer, Immutable, Alias("PolicyScore")]
public sealed record class PolicyScore
{
    [Id(0)] public string PolicyId { get; init; } = "";
    [Id(1)] public string Name { get; init; } = "";
    [Id(2)] public Quarter Quarter { get; init; }

    /// <summary>Ratings (1–5) of its tagged cases opened in the quarter: how many, and their sum.</summary>
    [Id(3)] public int CaseRatings { get; init; }
    [Id(4)] public int CaseRatingSum { get; init; }

    /// <summary>Answers (1–5) to its surveys sent in the quarter: how many, and their sum.</summary>
    [Id(5)] public int SurveyAnswers { get; init; }
    [Id(6)] public int SurveyAnswerSum { get; init; }

    /// <summary>(mean of all ratings and answers − 1) / 4, 0 to 1; 0.5 when there were none (<see cref="SatisfactionKnown"/> false).</summary>
    [Id(7)] public double Satisfaction { get; init; }
    [Id(8)] public bool SatisfactionKnown { get; init; }

    [Id(9)] public long AllocatedYuan { get; init; }
    [Id(10)] public long SpentYuan { get; init; }

    /// <summary>Spent over allocated, at most 1; 0.5 when nothing was allocated (<see cref="FundUseKnown"/> false).</summary>
    [Id(11)] public double FundUse { get; init; }
    [Id(12)] public bool FundUseKnown { get; init; }

    /// <summary>Its tagged cases opened in the quarter.</summary>
    [Id(13)] public int Complaints { get; init; }

    /// <summary>Residents on file where it runs.</summary>
    [Id(14)] public long ResidentsCovered { get; init; }

    /// <summary>Complaints per 1,000 residents covered; 0 when it covers nobody on file.</summary>
    [Id(15)] public double ComplaintsPerThousand { get; init; }

    /// <summary>Complaints per 1,000 over the rate that counts in full, at most 1; 0.5 when it covers nobody on file.</summary>
    [Id(16)] public double ComplaintLoad { get; init; }
    [Id(17)] public bool ComplaintsKnown { get; init; }

    /// <summary>The weighted sum of the normalised parts.</summary>
    [Id(18)] public double Score { get; init; }

    /// <summary>1 for the best score among the policies of the quarter.</summary>
    [Id(19)] public int Rank { get; init; }
}
