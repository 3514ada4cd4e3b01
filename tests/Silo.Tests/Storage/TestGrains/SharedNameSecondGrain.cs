using Governance.Grains.Storage;

namespace Governance.Silo.Tests.Storage.TestGrains;

/// <summary>A note grain with the same state name as SharedNameFirstGrain, to show the pitfall.</summary>
public sealed class SharedNameSecondGrain([PersistentState("shared-note", StoreNames.Main)] IPersistentState<NoteState> state)
    : NoteGrainBase(state), ISharedNameSecondGrain;
