using System.Collections.Immutable;
using Governance.Contracts.Risk;
using Governance.Grains.Clock;
using Governance.Grains.Storage;
using Orleans.Concurrency;

namespace Governance.Grains.Risk;

/// <summary>Storm visits' outcomes (<see cref="IStormVisitStore"/>), on whichever silo is asked.</summary>
[StatelessWorker]
public sealed class StormOutcomeGrain(IStormVisitStore store, CityClock clock) : Grain, IStormOutcomeGrain
{
    public async Task<StormVisitRecord?> GetVisitAsync(string caseId) => await store.GetAsync(caseId) is { } visit ? Record(visit) : null;

    public Task RecordOutcomeAsync(string caseId, bool flooded, string recordedBy) => store.RecordOutcomeAsync(caseId, flooded, recordedBy, clock.GetUtcNow());

    public async Task<ImmutableArray<StormVisitRecord>> LabelledAsync(string warningId) => [.. (await store.LabelledAsync(warningId)).Select(Record)];

    private static StormVisitRecord Record(StormVisit visit) =>
        new(visit.CaseId, visit.WarningId, visit.HouseholdId, visit.CellId, visit.Probability, [.. visit.Features], visit.Flooded);
}
