using Governance.Contracts;
using Governance.Contracts.Residents;
using Governance.Grains.Storage;

namespace Governance.Grains.Residents;

/// <summary>One resident's file. Until it is first changed its stored state is empty and the register holds it.</summary>
public sealed class ResidentGrain(
    [PersistentState("resident", StoreNames.Main)] IPersistentState<SeededState<ResidentDetails>> state,
    IRegistryStore registry)
    : RegisterSeededGrain<ResidentDetails>(state, registry, RegistryKinds.Resident, GrainKeys.ResidentPrefix), IResidentGrain
{
    public Task<ResidentDetails?> GetAsync() => Task.FromResult(Value);
}
