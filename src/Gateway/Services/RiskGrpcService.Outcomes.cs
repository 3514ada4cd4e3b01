using Governance.Contracts.Risk;
using Governance.Contracts.V1;
using Governance.Gateway.Access;
using Governance.Gateway.Validation;
using Grpc.Core;

namespace Governance.Gateway.Services;

/// <summary>RiskService.RecordOutcome and ExportTrainingData: what happened after a storm, as the next training data.</summary>
public sealed partial class RiskGrpcService
{
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
        if (request.WarningId.Length > 0)
        {
            var violations = new FieldViolations();
            TextRules.RequireIdentifier(violations, "warning_id", request.WarningId, 64);
            violations.ThrowIfAny();
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
}
