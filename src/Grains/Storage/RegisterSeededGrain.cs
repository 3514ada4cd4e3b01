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

    /// <summary>The record's version: 0 when there is none, 1 for a seed or a new record, one more for each change after.</summary>
    protected long Version => state.State.Version;

    /// <summary>When the grain last wrote the record; null for a seed.</summary>
    protected DateTimeOffset? UpdatedAt => state.State.UpdatedAt;

    /// <summary>This grain's id without its key prefix.</summary>
    protected string Id => Contracts.GrainKeys.Strip(this.GetPrimaryKeyString(), keyPrefix);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Value is null)
        {
            state.State.Value = await registry.ReadAsync<T>(kind, Id, cancellationToken);
        }
    }

    /// <summary>
    /// Stores <paramref name="value"/> as the record; a new version unless <paramref name="newVersion"/> is false (a
    /// change that is not the profile's, such as a member joining). A store that fails leaves the record as it was.
    /// </summary>
    protected async Task StoreAsync(T value, bool newVersion, DateTimeOffset now)
    {
        var (was, writes, updatedAt) = (state.State.Value, state.State.Writes, state.State.UpdatedAt);
        state.State.Writes = newVersion ? Version + 1 : Math.Max(Version, writes);
        state.State.Value = value;
        state.State.UpdatedAt = now;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            (state.State.Value, state.State.Writes, state.State.UpdatedAt) = (was, writes, updatedAt);
            throw;
        }
    }
}
