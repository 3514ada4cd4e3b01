namespace Governance.Grains.Storage;

/// <summary>Writing state so that a failed write never leaves a grain serving what was not stored.</summary>
public static class GrainStateExtensions
{
    /// <summary>
    /// Writes the state; if the store refuses, the activation is dropped so that the next call reloads what
    /// the store really holds, and the caller gets the error (nothing was acknowledged).
    /// </summary>
    public static async Task WriteOrForgetAsync<TState>(this IGrainBase grain, IPersistentState<TState> state)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            grain.DeactivateOnIdle();
            throw;
        }
    }
}
