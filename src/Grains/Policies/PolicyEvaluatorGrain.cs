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
/// Scores the policies of a quarter, or of a range of quarters, from the live data: complaints are the cases tagged
/// with a policy (category "policy.&lt;id&gt;" and below) opened in the quarter, found through the case list; their ratings
/// are read from those cases; survey answers come from the survey register; funds from the policy register;
/// residents from the people index.
/// </summary>
[StatelessWorker]
public sealed class PolicyEvaluatorGrain(CityMap city, IPeopleIndex people, IOptions<PoliciesOptions> options) : Grain, IPolicyEvaluatorGrain
{
    private PoliciesOptions Options => options.Value;

    public async Task<PolicyRanking> RankAsync(Quarter quarter, PolicyWeights? weights)
    {
        var used = weights ?? Options.Weights;
        var ranked = await RankQuartersAsync(quarter, quarter, used);
        return new PolicyRanking(used, ranked[0]);
    }

    public async Task<PolicyRanking> HistoryAsync(string policyId, Quarter first, Quarter last, PolicyWeights? weights)
    {
        var used = weights ?? Options.Weights;
        // Its rank in each quarter needs every policy's score of that quarter.
        var ranked = await RankQuartersAsync(first, last, used);
        var history = ranked.Select(scores => scores.FirstOrDefault(s => s.PolicyId == policyId)).ToList();
        return new PolicyRanking(used, history.Any(s => s is null) ? [] : [.. history!]);
    }

    // Every policy ranked in each quarter from first to last: the registers, the residents, the complaints and their
    // ratings are read once for the whole range and then split by quarter.
    private async Task<List<ImmutableArray<PolicyScore>>> RankQuartersAsync(Quarter first, Quarter last, PolicyWeights weights)
    {
        var quarters = new List<Quarter>();
        for (var quarter = first; quarter.Start <= last.Start; quarter = quarter.Next)
        {
            quarters.Add(quarter);
        }

        var policies = await GrainFactory.GetGrain<IPolicyRegisterGrain>(GrainKeys.PolicyRegister).ListAsync();
        var residents = await people.ResidentsPerCellAsync();
        var surveys = await GrainFactory.GetGrain<ISurveyRegisterGrain>(GrainKeys.SurveyRegister)
            .ListAsync(new SurveyFilter { SentFrom = first.Start, SentBefore = last.End });
        var scores = quarters.Select(_ => new List<PolicyScore>(policies.Length)).ToList();
        foreach (var policy in policies)
        {
            var definition = policy.Definition;
            var complaints = await ComplaintsAsync(definition.Category, first, last);
            complaints.AddRange(await ComplaintsAsync(definition.Category + ".*", first, last));
            var rated = await GrainFactory.WithDetailsAsync(complaints);
            var covered = definition.Areas.SelectMany(city.CellCodesIn).Distinct(StringComparer.Ordinal).Sum(cell => (long)residents.GetValueOrDefault(cell));
            for (var i = 0; i < quarters.Count; i++)
            {
                var quarter = quarters[i];
                var ratings = rated.Where(c => Quarter.Of(c.Row.OpenedAt) == quarter).SelectMany(c => c.Details.Ratings).ToList();
                var answered = surveys.Where(s => s.Draft.PolicyId == definition.PolicyId && Quarter.Of(s.SentAt) == quarter).ToList();
                var funds = policy.FundsOf(quarter);
                var inputs = new PolicyInputs(ratings.Count, ratings.Sum(r => r.Score), answered.Sum(s => s.Answered), answered.Sum(s => s.ScoreSum),
                    funds?.AllocatedYuan ?? 0, funds?.SpentYuan ?? 0, complaints.Count(c => Quarter.Of(c.OpenedAt) == quarter), covered);
                scores[i].Add(PolicyScoring.Score(definition, quarter, inputs, weights, Options.FullComplaintLoadPerThousand));
            }
        }

        return [.. scores.Select(PolicyScoring.Ranked)];
    }

    // Every case of the category (or family) opened in the quarters.
    private async Task<List<CaseListItem>> ComplaintsAsync(string category, Quarter first, Quarter last) =>
        await GrainFactory.ListAllAsync(new CaseListQuery { Category = category, OpenedFrom = first.Start, OpenedBefore = last.End, Sort = CaseListSort.OldestFirst });
}
