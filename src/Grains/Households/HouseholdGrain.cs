using Governance.Contracts;
using Governance.Contracts.Households;
using Governance.Grains.Storage;

namespace Governance.Grains.Households;

/// <summary>One household. Until it is first changed its stored state is empty and the register holds it.</summary>
public sealed class HouseholdGrain(
    [PersistentState("household", StoreNames.Main)] IPersistentState<SeededState<HouseholdDetails>> state,
    IRegistryStore registry)
    : RegisterSeededGrain<HouseholdDetails>(state, registry, RegistryKinds.Household, GrainKeys.HouseholdPrefix), IHouseholdGrain
{
    public Task<HouseholdDetails?> GetAsync() => Task.FromResult(Value);
}
