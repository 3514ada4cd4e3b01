using Governance.Grains.Storage;

namespace Governance.Silo.Tests.Storage.TestGrains;

/// <summary>A note grain on the group-commit store, as cells and cases are.</summary>
public sealed class LiveNoteGrain([PersistentState("live-note", StoreNames.Live)] IPersistentState<NoteState> state)
    : NoteGrainBase(state), ILiveNoteGrain;
