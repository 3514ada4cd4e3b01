using Governance.Contracts;
using Governance.Contracts.Records;
using Governance.Contracts.Residents;
using Governance.Grains.Clock;
using Governance.Grains.Storage;

namespace Governance.Grains.Residents;

/// <summary>
/// One resident's file (一人一档). Until it is first changed its stored state is empty and the register holds it. A
/// write goes to the index first (where an ID number is unique), then to the file, then to the household's members:
/// a write that stops halfway is finished by writing the file again.
/// </summary>
public sealed class ResidentGrain(
    [PersistentState("resident", StoreNames.Main)] IPersistentState<SeededState<ResidentDetails>> state,
    IRegistryStore registry,
    IPeopleIndex index,
    CityClock time)
    : RegisterSeededGrain<ResidentDetails>(state, registry, RegistryKinds.Resident, GrainKeys.ResidentPrefix), IResidentGrain
{
    public Task<ResidentDetails?> GetAsync() => Task.FromResult(Value);

    public async Task<ResidentFile?> GetFileAsync()
    {
        if (Value is not { } value)
        {
            return null;
        }

        var household = await GrainFactory.GetGrain<Contracts.Households.IHouseholdGrain>(GrainKeys.Household(value.HouseholdId)).GetAsync();
        return new ResidentFile(value, household?.CellId ?? "", Version, UpdatedAt);
    }

    public Task<RecordWriteResult> CreateAsync(ResidentDetails details) =>
        Value is null
            ? WriteAsync(details)
            : Task.FromResult(new RecordWriteResult(RecordWriteOutcome.AlreadyExists, "resident_id", $"resident {Id} has a file already"));

    public Task<RecordWriteResult> UpdateAsync(ResidentDetails details, long version) => (Value, version == Version) switch
    {
        (null, _) => Task.FromResult(new RecordWriteResult(RecordWriteOutcome.NotFound, "resident_id", $"there is no resident '{Id}'")),
        (_, false) => Task.FromResult(new RecordWriteResult(
            RecordWriteOutcome.Stale, "version", $"resident {Id}'s file is at version {Version}, not {version}; read it again and redo the change")),
        (_, true) => WriteAsync(details),
    };

    private async Task<RecordWriteResult> WriteAsync(ResidentDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var household = GrainFactory.GetGrain<Contracts.Households.IHouseholdGrain>(GrainKeys.Household(details.HouseholdId));
        if (await household.GetAsync() is not { } home)
        {
            return new RecordWriteResult(RecordWriteOutcome.NotFound, "household_id", $"there is no household '{details.HouseholdId}'");
        }

        var row = new ResidentRow(Id, details.HouseholdId, home.CellId, details.Name, details.Tags, PeopleHashes.IdNumber(details.IdNumber));
        if (!await index.PutResidentAsync(row))
        {
            return new RecordWriteResult(RecordWriteOutcome.AlreadyExists, "id_number", "another resident's file has this ID number");
        }

        var now = time.GetUtcNow();
        // The visits made stay on file; a need keeps the time it was first on file, a new one is due from now.
        var kept = details with
        {
            ResidentId = Id,
            ServiceHistory = Value?.ServiceHistory ?? [],
            ServiceNeeds = [.. details.ServiceNeeds.Select(need => need with { Since = SinceOf(need) ?? now })],
        };
        await StoreAsync(kept, newVersion: true, now);
        await index.PutVisitsDueAsync(Id, home.CellId, kept.Name, Schedule(kept, now));

        return RecordWriteResult.Written;
    }

    public async Task<RecordWriteResult> RecordVisitAsync(VisitRecord visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        if (Value is not { } current)
        {
            return new RecordWriteResult(RecordWriteOutcome.NotFound, "resident_id", $"there is no resident '{Id}'");
        }

        var history = current.ServiceHistory.Add(visit).Sort((a, b) => a.VisitedAt.CompareTo(b.VisitedAt));
        var after = current with { ServiceHistory = history.Length > VisitRecord.Kept ? history[^VisitRecord.Kept..] : history };
        var now = time.GetUtcNow();
        // A visit is part of the file, not a change of its profile: an editor's version stays good.
        await StoreAsync(after, newVersion: false, now);
        var home = await GrainFactory.GetGrain<Contracts.Households.IHouseholdGrain>(GrainKeys.Household(after.HouseholdId)).GetAsync();
        await index.PutVisitsDueAsync(Id, home?.CellId ?? "", after.Name, Schedule(after, now));
        return RecordWriteResult.Written;
    }

    private DateTimeOffset? SinceOf(ServiceNeedInfo need) =>
        Value?.ServiceNeeds.FirstOrDefault(had => string.Equals(had.Kind, need.Kind, StringComparison.OrdinalIgnoreCase))?.Since;

    private static VisitDueRow[] Schedule(ResidentDetails details, DateTimeOffset now) =>
        [.. VisitSchedule.Of(details, now).Select(due => new VisitDueRow(due.Need.Kind, due.Need.Cadence, due.DueAt, due.LastVisitAt))];
}
