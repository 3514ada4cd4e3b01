namespace Governance.Silo.Tests.Storage.TestGrains;

/// <summary>The shared behaviour; each subclass picks its state name, which is what the storage key is made of.</summary>
public abstract class NoteGrainBase(IPersistentState<NoteState> state) : Grain, INoteGrain
{
    public async Task SetAsync(string text)
    {
        state.State.Text = text;
        state.State.Writes++;
        await state.WriteStateAsync();
    }

    public Task<NoteSnapshot> GetAsync() =>
        Task.FromResult(new NoteSnapshot(state.State.Text, state.State.Writes, state.RecordExists));

    public Task ClearAsync() => state.ClearStateAsync();
}
