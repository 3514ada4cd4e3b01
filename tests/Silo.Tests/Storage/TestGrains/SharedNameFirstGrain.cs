using Governance.Grains.Storage;

namespace Governance.Silo.Tests.Storage.TestGrains;

/// <summary>A note grain with the same state name as SharedNameSecondGrain, to show the pitfall.</summary>
public sealed class SharedNameFirstGrain([PersistentState("shared-note", StoreNames.Main)] IPersistentState<NoteState> state)
    : NoteGrainBase(state), ISharedNameFirstGrain;
