using Governance.Grains.Storage;

namespace Governance.Silo.Tests.Storage.TestGrains;

/// <summary>A note grain with a different state name than the alpha note.</summary>
public sealed class BetaNoteGrain([PersistentState("beta-note", StoreNames.Main)] IPersistentState<NoteState> state)
    : NoteGrainBase(state), IBetaNoteGrain;
