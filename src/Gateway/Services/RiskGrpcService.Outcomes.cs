using Governance.Contracts.Risk;
using Governance.Contracts.V1;
using Governance.Gateway.Access;
using Governance.Gateway.Validation;
using Grpc.Core;

namespace Governance.Gateway.Services;

/// <summary>RiskService.RecordOutcome and ExportTrainingData: what happened after a storm, as the next training data (or, for a city without outcomes yet, made-up storms over its households).</summary>
public sealed partial class RiskGrpcService
{
    private const int MaxSyntheticStorms = 100;

    private IStormOutcomeGrain Outcomes => grains.GetGrain<IStormOutcomeGrain>(0);

    public override async Task<RecordOutcomeResponse> RecordOutcome(RecordOutcomeRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        TextRules.RequireIdentifier(violations, "case_id", request.CaseId, 64);
        violations.ThrowIfAny();
        var visit = await Outcomes.GetVisitAsync(request.CaseId)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"case_id: case '{request.CaseId}' is not a storm warning's visit"));
        var caller = context.Caller();
        if (!caller.Has(Roles.Dispatcher))
        {
            await people.RequireWriterAsync(caller, $"household {visit.HouseholdId} lives", () => Task.FromResult<IEnumerable<string>>([visit.CellId]));
        }

        await Outcomes.RecordOutcomeAsync(request.CaseId, request.Flooded, caller.Subject);
        return new RecordOutcomeResponse { CaseId = visit.CaseId, HouseholdId = visit.HouseholdId, WarningId = visit.WarningId, Flooded = request.Flooded };
    }

    public override async Task ExportTrainingData(ExportTrainingDataRequest request, IServerStreamWriter<TrainingRow> responseStream, ServerCallContext context)
    {
        var violations = new FieldViolations();
        if (request.WarningId.Length > 0)
        {
            TextRules.RequireIdentifier(violations, "warning_id", request.WarningId, 64);
        }

        if (request.SyntheticStorms is < 0 or > MaxSyntheticStorms)
        {
            violations.Add("synthetic_storms", $"{request.SyntheticStorms} must lie between 1 and {MaxSyntheticStorms}, or be 0 for the recorded outcomes");
        }
        else if (request.SyntheticStorms > 0 && request.WarningId.Length > 0)
        {
            violations.Add("synthetic_storms", "made-up storms belong to no warning: give synthetic_storms without warning_id");
        }
        else if (request.SyntheticStorms == 0 && (request.Area.Length > 0 || request.Seed != 0))
        {
            violations.Add(request.Area.Length > 0 ? "area" : "seed", "only chooses made-up storms: give it with synthetic_storms");
        }

        violations.ThrowIfAny();
        if (request.SyntheticStorms > 0)
        {
            await ExportSyntheticAsync(request, responseStream, context);
            return;
        }

        foreach (var visit in await Outcomes.LabelledAsync(request.WarningId))
        {
            await responseStream.WriteAsync(new TrainingRow
            {
                HouseholdId = visit.HouseholdId,
                WarningId = visit.WarningId,
                Features = { visit.Features },
                Flooded = visit.Flooded ?? false,
            }, context.CancellationToken);
        }
    }

    /// <summary>Made-up storms over the area's real households, one storm at a time; each storm's rows name it as their warning.</summary>
    private async Task ExportSyntheticAsync(ExportTrainingDataRequest request, IServerStreamWriter<TrainingRow> responseStream, ServerCallContext context)
    {
        PlaceRules.RequirePlace(city, "area", request.Area);

        var storms = grains.GetGrain<ISyntheticStormGrain>(0);
        for (var storm = 1; storm <= request.SyntheticStorms; storm++)
        {
            var warningId = $"synthetic-{request.Seed}-{storm}";
            foreach (var outcome in await storms.DrawAsync(request.Area, request.Seed, storm))
            {
                await responseStream.WriteAsync(new TrainingRow
                {
                    HouseholdId = outcome.HouseholdId,
                    WarningId = warningId,
                    Features = { outcome.Features },
                    Flooded = outcome.Flooded,
                    TrueProbability = outcome.TrueProbability,
                }, context.CancellationToken);
            }
        }
    }
}
