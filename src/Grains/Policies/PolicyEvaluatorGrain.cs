using System.Collections.Immutable;
using Governance.City.Map;
using Governance.Contracts;
using Governance.Contracts.CaseList;
using Governance.Contracts.Policies;
using Governance.Contracts.Surveys;
using Governance.Grains.CaseList;
using Governance.Grains.Storage;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Governance.Grains.Policies;

/// <summary>
/// Scores the policies of a quarter from the live data: complaints are the cases tagged with a policy (category
/// "policy.&lt;id&gt;" and below) opened in the quarter, found through the case list; their ratings are read from those cases;
/// survey answers come from the survey register; funds from the policy register; residents from the people index.
/// </summary>
[StatelessWorker]
public sealed class PolicyEvaluatorGrain(CityMap city, IPeopleIndex people, IOptions<PoliciesOptions> options) : Grain, IPolicyEvaluatorGrain
{
    private PoliciesOptions Options => options.Value;

    public async Task<PolicyRanking> RankAsync(Quarter quarter, PolicyWeights? weights)
    {
        var used = weights ?? Options.Weights;
        var policies = await GrainFactory.GetGrain<IPolicyRegisterGrain>(GrainKeys.PolicyRegister).ListAsync();
        var residents = await people.ResidentsPerCellAsync();
        var scores = new List<PolicyScore>(policies.Length);
        foreach (var policy in policies)
        {
            scores.Add(await ScoreAsync(policy, quarter, residents, used));
        }

        return new PolicyRanking(used, PolicyScoring.Ranked(scores));
    }

    public async Task<PolicyRanking> HistoryAsync(string policyId, Quarter first, Quarter last, PolicyWeights? weights)
    {
        var used = weights ?? Options.Weights;
        var history = new List<PolicyScore>();
        for (var quarter = first; quarter.Start <= last.Start; quarter = quarter.Next)
        {
            // Its rank in each quarter needs every policy's score of that quarter.
            var ranked = await RankAsync(quarter, used);
            if (ranked.Scores.FirstOrDefault(s => s.PolicyId == policyId) is not { } score)
            {
                return new PolicyRanking(used, []);
            }

            history.Add(score);
        }

        return new PolicyRanking(used, [.. history]);
    }

    private async Task<PolicyScore> ScoreAsync(Policy policy, Quarter quarter, IReadOnlyDictionary<string, int> residentsPerCell, PolicyWeights weights)
    {
        var definition = policy.Definition;
        var cases = (await ComplaintsAsync(definition.Category, quarter)).Concat(await ComplaintsAsync(definition.Category + ".*", quarter)).ToList();
        var ratings = (await GrainFactory.WithDetailsAsync(cases)).SelectMany(c => c.Details.Ratings).ToList();
        var surveys = await GrainFactory.GetGrain<ISurveyRegisterGrain>(GrainKeys.SurveyRegister)
            .ListAsync(new SurveyFilter { PolicyId = definition.PolicyId, SentFrom = quarter.Start, SentBefore = quarter.End });
        var funds = policy.FundsOf(quarter);
        var covered = definition.Areas.SelectMany(city.CellCodesIn).Distinct(StringComparer.Ordinal).Sum(cell => (long)residentsPerCell.GetValueOrDefault(cell));
        var inputs = new PolicyInputs(ratings.Count, ratings.Sum(r => r.Score), surveys.Sum(s => s.Answered), surveys.Sum(s => s.ScoreSum),
            funds?.AllocatedYuan ?? 0, funds?.SpentYuan ?? 0, cases.Count, covered);
        return PolicyScoring.Score(definition, quarter, inputs, weights, Options.FullComplaintLoadPerThousand);
    }

    // Every case of the category (or family) opened in the quarter.
    private async Task<List<CaseListItem>> ComplaintsAsync(string category, Quarter quarter) =>
        await GrainFactory.ListAllAsync(new CaseListQuery { Category = category, OpenedFrom = quarter.Start, OpenedBefore = quarter.End, Sort = CaseListSort.OldestFirst });
}
