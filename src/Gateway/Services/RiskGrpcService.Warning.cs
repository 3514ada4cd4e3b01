using Governance.Contracts.Risk;
using Governance.Contracts.V1;
using Governance.Gateway.Validation;
using Governance.Risk.Features;
using Grpc.Core;

namespace Governance.Gateway.Services;

/// <summary>RiskService.IssueStormWarning: an area scored, ranked and rated, and a visit or evacuation case for each flagged household.</summary>
public sealed partial class RiskGrpcService
{
    private const int DefaultListLimit = 100;
    private const int MaxListLimit = 1_000;
    private const int MaxCasesPerCell = 1_000;

    public override async Task<IssueStormWarningResponse> IssueStormWarning(IssueStormWarningRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        TextRules.RequireIdentifier(violations, "warning_id", request.WarningId, 64);
        if (request.WarningId.Length > 0 && !request.WarningId.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            violations.Add("warning_id", "may hold only a-z, 0-9 and '-'");
        }

        var (rainfall, hours) = RiskRules.Forecast(violations, request.Forecast);
        if (request.Threshold != 0 && !(request.Threshold > 0 && request.Threshold < 1))
        {
            violations.Add("threshold", $"{request.Threshold} must lie strictly between 0 and 1, or be 0 for the model's own");
        }

        if (request.MaxCasesPerCell is < 0 or > MaxCasesPerCell)
        {
            violations.Add("max_cases_per_cell", $"{request.MaxCasesPerCell} must lie between 0 (no limit) and {MaxCasesPerCell:N0}");
        }

        if (request.TopPerCell is < 0 or > MaxCasesPerCell)
        {
            violations.Add("top_per_cell", $"{request.TopPerCell} must lie between 0 (flag by threshold) and {MaxCasesPerCell:N0}");
        }
        else if (request.TopPerCell > 0 && (request.Threshold != 0 || request.MaxCasesPerCell != 0))
        {
            violations.Add("top_per_cell", "flags each cell's likeliest households instead of a threshold: give it without threshold and max_cases_per_cell");
        }

        if (request.EvacuateFrom != 0 && !(request.EvacuateFrom > 0 && request.EvacuateFrom <= 1))
        {
            violations.Add("evacuate_from", $"{request.EvacuateFrom} must lie above 0 and at most 1, or be 0 for visits only");
        }

        if (request.ListLimit is < 0 or > MaxListLimit)
        {
            violations.Add("list_limit", $"{request.ListLimit} must lie between 0 ({DefaultListLimit} households) and {MaxListLimit:N0}");
        }

        violations.ThrowIfAny();
        PlaceRules.RequirePlace(city, "area", request.Area);

        var warning = new StormWarningRequest(request.WarningId, request.Area, new StormForecastInput(rainfall, hours),
            request.Threshold > 0 ? request.Threshold : null, request.MaxCasesPerCell, request.ListLimit > 0 ? request.ListLimit : DefaultListLimit,
            request.TopPerCell, request.EvacuateFrom > 0 ? request.EvacuateFrom : null);
        var result = await grains.GetGrain<IStormWarningGrain>(0).IssueAsync(warning);
        if (result.ModelVersion == 0)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "No flood model is promoted yet: register one and promote it (RiskService.PromoteModel)."));
        }

        return new IssueStormWarningResponse
        {
            WarningId = request.WarningId,
            ModelVersion = result.ModelVersion,
            HouseholdsScored = result.HouseholdsScored,
            CellsRated = result.CellsRated,
            HouseholdsFlagged = result.HouseholdsFlagged,
            CasesOpened = result.CasesOpened,
            Households =
            {
                result.Households.Select(h => new Contracts.V1.WarnedHousehold
                {
                    HouseholdId = h.HouseholdId,
                    CellId = h.CellId,
                    Probability = h.Probability,
                    CaseId = h.CaseId,
                    GridWorkerId = h.GridWorkerId,
                    Contributions = { Contributions(h.Features, h.Contributions) },
                }),
            },
            Cells =
            {
                result.Cells.Select(c => new CellRating
                {
                    CellId = c.CellId,
                    Level = (FloodRiskLevel)(int)c.Risk.Level,
                    HighestProbability = c.Risk.HighestProbability,
                    FlaggedHouseholds = c.Risk.FlaggedHouseholds,
                    Households = c.Risk.Households,
                }),
            },
        };
    }

    /// <summary>Every feature with its value and push, the strongest push first.</summary>
    private static IEnumerable<FeatureContribution> Contributions(IReadOnlyList<float> features, IReadOnlyList<float> contributions) =>
        Enumerable.Range(0, FloodFeatures.Count)
            .OrderByDescending(i => Math.Abs(contributions[i]))
            .Select(i => new FeatureContribution { Feature = FloodFeatures.All[i].Column, Value = features[i], Contribution = contributions[i] });
}
