using System.Collections.Immutable;

namespace Governance.Contracts.Policies;

/// <summary>Scores policies from the live data (case ratings and complaints, survey answers, funds, residents); any silo answers.</summary>
[Alias("IPolicyEvaluatorGrain")]
public interface IPolicyEvaluatorGrain : IGrainWithIntegerKey
{
    /// <summary>Every policy's score for the quarter, best first; <paramref name="weights"/> null for the configured ones.</summary>
    [Alias("Rank")]
    Task<PolicyRanking> RankAsync(Quarter quarter, PolicyWeights? weights);

    /// <summary>One policy's score in each quarter from <paramref name="first"/> to <paramref name="last"/>, with its rank in each; no scores for an unknown policy.</summary>
    [Alias("History")]
    Task<PolicyRanking> HistoryAsync(string policyId, Quarter first, Quarter last, PolicyWeights? weights);
}
