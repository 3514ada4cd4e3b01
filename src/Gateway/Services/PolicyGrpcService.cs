using Google.Protobuf.WellKnownTypes;
using Governance.City.Map;
using Governance.Contracts;
using Governance.Contracts.Policies;
using Governance.Contracts.V1;
using Governance.Gateway.Validation;
using Grpc.Core;

namespace Governance.Gateway.Services;

/// <summary>PolicyService: the register keeps policies and their funds; the evaluator scores them from the live data.</summary>
public sealed class PolicyGrpcService(IGrainFactory grains, CityMap city, TimeProvider time) : PolicyService.PolicyServiceBase
{
    private IPolicyRegisterGrain Register => grains.GetGrain<IPolicyRegisterGrain>(GrainKeys.PolicyRegister);

    private IPolicyEvaluatorGrain Evaluator => grains.GetGrain<IPolicyEvaluatorGrain>(0);

    public override async Task<PolicyResponse> DefinePolicy(DefinePolicyRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var definition = PolicyRules.Definition(violations, request, city);
        violations.ThrowIfAny();
        return new PolicyResponse { Policy = ToProto(await Register.DefineAsync(definition!)) };
    }

    public override async Task<PolicyResponse> RecordPolicyFunds(RecordPolicyFundsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        PolicyRules.Id(violations, "policy_id", request.PolicyId);
        var funds = PolicyRules.Funds(violations, request.Funds);
        violations.ThrowIfAny();
        var policy = await Register.RecordFundsAsync(request.PolicyId, funds!) ?? throw Missing(request.PolicyId);
        return new PolicyResponse { Policy = ToProto(policy) };
    }

    public override async Task<ListPoliciesResponse> ListPolicies(ListPoliciesRequest request, ServerCallContext context) =>
        new() { Policies = { (await Register.ListAsync()).Select(ToProto) } };

    public override async Task<RankPoliciesResponse> RankPolicies(RankPoliciesRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var quarter = PolicyRules.Quarter(violations, "quarter", request.Quarter);
        var weights = PolicyRules.Weights(violations, request.Weights);
        violations.ThrowIfAny();
        var ranking = await Evaluator.RankAsync(quarter, weights);
        return new RankPoliciesResponse { Quarter = quarter.ToString(), Weights = ToProto(ranking.Weights), Scores = { ranking.Scores.Select(ToProto) } };
    }

    public override async Task<GetPolicyHistoryResponse> GetPolicyHistory(GetPolicyHistoryRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        PolicyRules.Id(violations, "policy_id", request.PolicyId);
        var first = PolicyRules.Quarter(violations, "first_quarter", request.FirstQuarter);
        var last = request.LastQuarter.Length == 0 ? Quarter.Of(time.GetUtcNow()) : PolicyRules.Quarter(violations, "last_quarter", request.LastQuarter);
        var weights = PolicyRules.Weights(violations, request.Weights);
        if (violations.IsEmpty)
        {
            PolicyRules.Range(violations, first, last);
        }

        violations.ThrowIfAny();
        _ = await Register.GetAsync(request.PolicyId) ?? throw Missing(request.PolicyId);
        var history = await Evaluator.HistoryAsync(request.PolicyId, first, last, weights);
        return new GetPolicyHistoryResponse { PolicyId = request.PolicyId, Weights = ToProto(history.Weights), Quarters = { history.Scores.Select(ToProto) } };
    }

    private static RpcException Missing(string policyId) => new(new Status(StatusCode.NotFound, $"policy_id: there is no policy '{policyId}'"));

    private static Contracts.V1.PolicyWeights ToProto(Contracts.Policies.PolicyWeights weights) =>
        new() { Satisfaction = weights.Satisfaction, FundUse = weights.FundUse, Complaints = weights.Complaints };

    private static Contracts.V1.Policy ToProto(Contracts.Policies.Policy policy) => new()
    {
        PolicyId = policy.Definition.PolicyId,
        Name = policy.Definition.Name,
        Areas = { policy.Definition.Areas },
        Funds = { policy.Funds.Select(f => new Contracts.V1.PolicyFunds { Quarter = f.Quarter.ToString(), AllocatedYuan = f.AllocatedYuan, SpentYuan = f.SpentYuan }) },
        DefinedAt = Timestamp.FromDateTimeOffset(policy.DefinedAt),
        ComplaintCategory = policy.Definition.Category,
    };

    private static Contracts.V1.PolicyScore ToProto(Contracts.Policies.PolicyScore score) => new()
    {
        PolicyId = score.PolicyId,
        Name = score.Name,
        Quarter = score.Quarter.ToString(),
        Rank = score.Rank,
        Score = score.Score,
        Satisfaction = score.Satisfaction,
        SatisfactionKnown = score.SatisfactionKnown,
        FundUse = score.FundUse,
        FundUseKnown = score.FundUseKnown,
        ComplaintLoad = score.ComplaintLoad,
        ComplaintsKnown = score.ComplaintsKnown,
        CaseRatings = score.CaseRatings,
        MeanCaseRating = score.CaseRatings == 0 ? 0 : (double)score.CaseRatingSum / score.CaseRatings,
        SurveyAnswers = score.SurveyAnswers,
        MeanSurveyAnswer = score.SurveyAnswers == 0 ? 0 : (double)score.SurveyAnswerSum / score.SurveyAnswers,
        AllocatedYuan = score.AllocatedYuan,
        SpentYuan = score.SpentYuan,
        Complaints = score.Complaints,
        ResidentsCovered = score.ResidentsCovered,
        ComplaintsPerThousand = score.ComplaintsPerThousand,
    };
}
