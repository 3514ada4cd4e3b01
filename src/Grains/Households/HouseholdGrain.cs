using Governance.Contracts;
using Governance.Contracts.Households;
using Governance.Contracts.Records;
using Governance.Contracts.Residents;
using Governance.Grains.Clock;
using Governance.Grains.Storage;

namespace Governance.Grains.Households;

/// <summary>
/// One household. Until it is first changed its stored state is empty and the register holds it. Its members are the
/// residents whose files name it, read from the people index.
/// </summary>
public sealed class HouseholdGrain(
    [PersistentState("household", StoreNames.Main)] IPersistentState<SeededState<HouseholdDetails>> state,
    IRegistryStore registry,
    IPeopleIndex index,
    CityClock time)
    : RegisterSeededGrain<HouseholdDetails>(state, registry, RegistryKinds.Household, GrainKeys.HouseholdPrefix), IHouseholdGrain
{
    private const int MaxMembers = 500;

    public Task<HouseholdDetails?> GetAsync() => Task.FromResult(Value);

    public async Task<HouseholdFile?> GetFileAsync()
    {
        if (Value is not { } value)
        {
            return null;
        }

        // Its members are the residents whose files name it, as the index lists them: no second copy to keep in step.
        var members = await index.SearchResidentsAsync(new ResidentSearch("", "", "", Id, MaxMembers));
        return new HouseholdFile(value with { MemberIds = [.. members.Select(member => member.ResidentId)] }, Version, UpdatedAt);
    }

    public async Task<RecordWriteResult> CreateAsync(HouseholdDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (Value is not null)
        {
            return new RecordWriteResult(RecordWriteOutcome.AlreadyExists, "household_id", $"household {Id} exists already");
        }

        // The index first: a search never misses a stored household.
        await index.PutHouseholdAsync(HouseholdRow.Of(details));
        await StoreAsync(details with { HouseholdId = Id, MemberIds = [] }, newVersion: true, time.GetUtcNow());
        return RecordWriteResult.Written;
    }

    public async Task<RecordWriteResult> UpdateAsync(HouseholdDetails details, long version)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (Value is not { } current)
        {
            return new RecordWriteResult(RecordWriteOutcome.NotFound, "household_id", $"there is no household '{Id}'");
        }

        if (version != Version)
        {
            return new RecordWriteResult(RecordWriteOutcome.Stale, "version", $"household {Id} is at version {Version}, not {version}; read it again and redo the change");
        }

        // A household that moves takes its members' rows to its new cell.
        await index.PutHouseholdAsync(HouseholdRow.Of(details));
        await StoreAsync(details with { HouseholdId = Id, MemberIds = current.MemberIds }, newVersion: true, time.GetUtcNow());
        return RecordWriteResult.Written;
    }

}
