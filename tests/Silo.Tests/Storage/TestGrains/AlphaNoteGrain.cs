using Governance.Grains.Storage;

namespace Governance.Silo.Tests.Storage.TestGrains;

/// <summary>A note grain with its own state name.</summary>
public sealed class AlphaNoteGrain([PersistentState("alpha-note", StoreNames.Main)] IPersistentState<NoteState> state)
    : NoteGrainBase(state), IAlphaNoteGrain;
