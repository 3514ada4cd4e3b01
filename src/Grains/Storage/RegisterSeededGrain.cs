namespace Governance.Grains.Storage;

/// <summary>
/// A grain whose first state comes from the city register (households, residents): on activation with nothing
/// stored, it reads its record once; from its first change on, its own stored state is what counts.
/// </summary>
public abstract class RegisterSeededGrain<T>(IPersistentState<SeededState<T>> state, IRegistryStore registry, string kind, string keyPrefix) : Grain
    where T : class
{
    /// <summary>The record, or null when neither the store nor the register has it.</summary>
    protected T? Value => state.State.Value;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Value is null)
        {
            var id = Contracts.GrainKeys.Strip(this.GetPrimaryKeyString(), keyPrefix);
            state.State.Value = await registry.ReadAsync<T>(kind, id, cancellationToken);
        }
    }
}
