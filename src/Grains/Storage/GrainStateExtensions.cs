using Orleans.Storage;

namespace Governance.Grains.Storage;

/// <summary>Writing state so that a failed write neither serves a stale copy nor loses what was not stored.</summary>
public static class GrainStateExtensions
{
    // How long a grain whose write failed stays active, holding its unstored changes for the next flush.
    private static readonly TimeSpan KeepAfterFailedWrite = TimeSpan.FromHours(1);

    /// <summary>
    /// Writes the state. If the store says another activation wrote it (a stale copy), this activation is dropped so
    /// that the next call reloads what the store holds. Any other failure (the database is away) keeps the state
    /// and the activation, so the next flush writes it again; the caller gets the error either way.
    /// </summary>
    /// <param name="grain">The grain writing.</param>
    /// <param name="state">Its state.</param>
    /// <param name="delayDeactivation">The grain's own <c>DelayDeactivation</c>, which only the grain may call.</param>
    public static async Task WriteOrForgetAsync<TState>(this IGrainBase grain, IPersistentState<TState> state, Action<TimeSpan> delayDeactivation)
    {
        ArgumentNullException.ThrowIfNull(grain);
        try
        {
            await state.WriteStateAsync();
        }
        catch (InconsistentStateException)
        {
            grain.DeactivateOnIdle();
            throw;
        }
        catch
        {
            ArgumentNullException.ThrowIfNull(delayDeactivation);
            delayDeactivation(KeepAfterFailedWrite);
            throw;
        }
    }

    /// <summary>
    /// Writes the state of a change that is answered only once stored (a project added, an answer taken). If the write
    /// fails, the change is undone in memory by reading back what the store holds, so a retry finds it not made; when
    /// even that read fails, or another activation wrote the state, this activation is dropped and the next call reloads.
    /// The caller gets the write's error either way.
    /// </summary>
    public static async Task WriteOrUndoAsync<TState>(this IGrainBase grain, IPersistentState<TState> state)
    {
        ArgumentNullException.ThrowIfNull(grain);
        ArgumentNullException.ThrowIfNull(state);
        try
        {
            await state.WriteStateAsync();
        }
        catch (InconsistentStateException)
        {
            grain.DeactivateOnIdle();
            throw;
        }
        catch
        {
            try
            {
                await state.ReadStateAsync();
            }
            catch
            {
                grain.DeactivateOnIdle();
            }

            throw;
        }
    }
}
