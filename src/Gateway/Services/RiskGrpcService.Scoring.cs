using Governance.Contracts.Risk;
using Governance.Contracts.V1;
using Governance.Gateway.Validation;
using Grpc.Core;

namespace Governance.Gateway.Services;

/// <summary>RiskService.ScoreHouseholds: households scored under a forecast, with the promoted model.</summary>
public sealed partial class RiskGrpcService
{
    private const int MaxHouseholds = 1_000;

    public override async Task<ScoreHouseholdsResponse> ScoreHouseholds(ScoreHouseholdsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        if (request.HouseholdIds.Count is 0 or > MaxHouseholds)
        {
            violations.Add("household_ids", $"give 1 to {MaxHouseholds:N0} household ids, not {request.HouseholdIds.Count:N0}");
        }

        for (var i = 0; i < request.HouseholdIds.Count; i++)
        {
            PeopleRules.RequireId(violations, $"household_ids[{i}]", request.HouseholdIds[i]);
        }

        var (rainfall, hours) = RiskRules.Forecast(violations, request.Forecast);
        violations.ThrowIfAny();

        var scoring = await grains.GetGrain<IFloodScoringGrain>(0).ScoreAsync([.. request.HouseholdIds], new StormForecastInput(rainfall, hours), request.Explain);
        if (scoring.ModelVersion == 0)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "No flood model is promoted yet: register one and promote it (RiskService.PromoteModel)."));
        }

        if (!scoring.Unknown.IsEmpty)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"household_ids: there is no household {string.Join(", ", scoring.Unknown.Take(10).Select(id => $"'{id}'"))}"));
        }

        return new ScoreHouseholdsResponse
        {
            ModelVersion = scoring.ModelVersion,
            Scores = { scoring.Scores.Select(ToProto) },
        };
    }

    private static HouseholdScore ToProto(HouseholdFloodScore score)
    {
        var proto = new HouseholdScore { HouseholdId = score.HouseholdId, CellId = score.CellId, Probability = score.Probability, Flagged = score.Flagged };
        if (!score.Contributions.IsDefaultOrEmpty)
        {
            proto.Contributions.AddRange(Contributions(score.Features, score.Contributions));
        }

        return proto;
    }
}
